import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { securityHeaders } from '../loopback/security-headers';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://tandem`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // onnxruntime-web's Emscripten glue (renderer/inference/ortRuntime.ts) is an .mjs module.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * True for URLs of Tandem's own pages. Compares scheme and host: Node's URL gives custom schemes an
 * opaque origin ("null"), so comparing `origin` would refuse even our own page.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'tandem';
  } catch {
    return false;
  }
}

/** Must run before `app.ready`: makes app:// a secure, standard origin that may use fetch and workers. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer from app://tandem/ with the same COOP/COEP and CSP headers as the
 * loopback server, so the renderer behaves the same under both transports.
 */
export function serveRenderer(rendererDir: string): void {
  const headers = securityHeaders(APP_ORIGIN);
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererDir, `.${path.posix.normalize(decodeURIComponent(pathname))}`);
    const inside = file.startsWith(path.resolve(rendererDir) + path.sep);
    const target = inside && path.extname(file) ? file : path.join(rendererDir, 'index.html');
    try {
      const body = await readFile(target);
      return new Response(body, { headers: { ...headers, 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream' } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });
}
