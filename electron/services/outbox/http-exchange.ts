import http from 'node:http';
import https from 'node:https';
import { classifyNetworkError } from '../dicomweb/network-probe';

/** One HTTP request to a PACS. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Longest silence allowed on the connection (not the total time, which grows with the upload). */
  timeoutMs: number;
  /** PEM of an extra CA to trust, from the PACS profile. */
  ca?: string;
  signal?: AbortSignal;
}

/** How an exchange ended: with an answer (any status) or without one, and why. */
export type HttpOutcome =
  | { kind: 'answered'; status: number; body: string }
  | { kind: 'timeout' }
  | { kind: 'network'; cause: string }
  | { kind: 'aborted' };

/** Sends requests; the outbox gets one through its constructor so tests can stand in for the network. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpOutcome>;

/** Answers bigger than this are cut; a Store Instances Response for 1000 instances is far smaller. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * node:http(s) directly rather than fetch: Node 20's fetch cannot trust a per-profile CA without
 * the undici package, and it reports every socket failure as one "fetch failed".
 */
export const nodeHttpTransport: HttpTransport = (request) =>
  new Promise((resolve) => {
    const target = new URL(request.url);
    const client = target.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      request.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const headers: Record<string, string> = { ...request.headers };
    if (request.body) headers['Content-Length'] = String(request.body.byteLength);
    const req = client.request(target, { method: request.method, headers, ...(request.ca ? { ca: request.ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      res.on('end', () => finish({ kind: 'answered', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err) => finish(networkOutcome(err)));
    });
    const onAbort = (): void => {
      req.destroy();
      finish({ kind: 'aborted' });
    };
    if (request.signal?.aborted) return onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    req.setTimeout(request.timeoutMs, () => {
      req.destroy();
      finish({ kind: 'timeout' });
    });
    req.on('error', (err) => finish(networkOutcome(err)));
    req.end(request.body);
  });

/** Names a socket failure the way a clinic's IT person would look for it (same wording as "Test connection"). */
function networkOutcome(err: NodeJS.ErrnoException): HttpOutcome {
  const failure = classifyNetworkError(err);
  return failure.code === 'TIMEOUT' ? { kind: 'timeout' } : { kind: 'network', cause: failure.message };
}
