import { randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { channels } from '../../shared/ipc/channels';
import type { Dispatch } from '../../shared/ipc/dispatch';
import type { Envelope } from '../../shared/ipc/errors';
import type { EventHub } from '../services/event-hub';
import { securityHeaders } from './security-headers';
import { serveStatic } from './static-files';

export interface LoopbackServerOptions {
  dispatch: Dispatch;
  events: EventHub;
  /** The built renderer; omitted in tests that only exercise the API. */
  staticDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface LoopbackServer {
  readonly origin: string;
  readonly token: string;
  /** What a person opens: the origin with the token in the fragment, which never reaches a log. */
  readonly appUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HOST = '127.0.0.1';

/**
 * Serves the renderer and the contract to a browser on this machine only. Every API call must
 * carry the launch token; Host and Origin are checked so that no other site the browser visits
 * can reach the API (DNS rebinding, cross-site requests).
 */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const token = randomBytes(32).toString('base64url');
  const server = http.createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${HOST}:${port}`;
  const headers = securityHeaders(origin);
  const authorised = (presented: string | undefined) => presented !== undefined && safeEqual(presented, token);

  server.on('request', (req, res) => {
    if (req.headers.host !== `${HOST}:${port}`) return void res.writeHead(421, headers).end();
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/ipc/')) {
      void handleCall(req, res, url.pathname.slice('/ipc/'.length), options.dispatch, headers, authorised(bearer(req)), origin);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, headers).end();
    if (!options.staticDir) return void res.writeHead(404, headers).end();
    void serveStatic(options.staticDir, url.pathname, res, headers);
  });

  const detach = options.events.onDidEmit((name, payload) => {
    const message = JSON.stringify({ event: name, payload });
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const ok = req.headers.host === `${HOST}:${port}` && req.headers.origin === origin && url.pathname === '/events' && authorised(url.searchParams.get('token') ?? undefined);
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws: WebSocket) => sockets.emit('connection', ws, req));
  });

  return {
    origin,
    token,
    appUrl: `${origin}/#token=${token}`,
    close: async () => {
      detach();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  dispatch: Dispatch,
  headers: Record<string, string>,
  isAuthorised: boolean,
  origin: string,
): Promise<void> {
  const reply = (status: number, envelope: Envelope<unknown>): void => {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(envelope));
  };
  if (req.method !== 'POST') return reply(405, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Use POST.' } });
  if (!isAuthorised || (req.headers.origin !== undefined && req.headers.origin !== origin)) {
    return reply(401, { ok: false, error: { code: 'UNAUTHORIZED_CALLER', message: 'This call lacks the launch token. Reopen Tandem from the address it printed.' } });
  }
  let args: unknown;
  try {
    args = JSON.parse((await readBody(req)).toString('utf8') || '[]');
  } catch {
    return reply(400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'The request body is not JSON, or is too large.' } });
  }
  const envelope = await dispatch(decodeURIComponent(channel), args);
  if (envelope.ok && channels.get(channel)?.binary && envelope.value instanceof Uint8Array) {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' }).end(envelope.value);
    return;
  }
  reply(envelope.ok ? 200 : 400, envelope);
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
