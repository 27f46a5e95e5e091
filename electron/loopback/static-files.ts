import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.onnx': 'application/octet-stream',
  '.woff2': 'font/woff2',
};

/**
 * Serves one file of the built renderer. Paths are resolved inside `root` only; anything that
 * is not a file falls back to index.html so client-side routes survive a reload.
 */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  let file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (!file.startsWith(path.resolve(root) + path.sep) && file !== path.resolve(root)) {
    res.writeHead(403, headers).end();
    return;
  }
  if (!(await isFile(file))) file = path.join(root, 'index.html');
  try {
    const body = await readFile(file);
    const ext = path.extname(file);
    res.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-store' : 'no-cache',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('The renderer has not been built. Run `npm run build`.');
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
