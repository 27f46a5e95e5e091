import http from 'node:http';
import https from 'node:https';

/** The outcome of opening one HTTP(S) exchange with a server, in the user's terms. */
export type ProbeResult =
  | { ok: true; status: number; contentType: string; body: string; latencyMs: number }
  | { ok: false; code: 'DNS' | 'REFUSED' | 'TLS' | 'TIMEOUT' | 'NETWORK'; message: string };

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i;

/**
 * GETs a URL once and reports precisely how it failed, if it did: the DNS lookup, a refused
 * connection, the TLS handshake or a timeout. Reads at most 64 KiB of the body.
 */
export function probe(url: string, opts: { headers?: Record<string, string>; ca?: string; timeoutMs: number; accept?: string }): Promise<ProbeResult> {
  const started = Date.now();
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      target,
      {
        method: 'GET',
        headers: { Accept: opts.accept ?? 'application/dicom+json', ...opts.headers },
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < 65_536) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          resolve({
            ok: true,
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            latencyMs: Date.now() - started,
          }),
        );
        res.on('error', (err) => resolve(classifyNetworkError(err)));
      },
    );
    req.setTimeout(opts.timeoutMs, () => {
      req.destroy();
      resolve({ ok: false, code: 'TIMEOUT', message: `no answer within ${Math.round(opts.timeoutMs / 1000)} s` });
    });
    req.on('error', (err) => resolve(classifyNetworkError(err)));
    req.end();
  });
}

/** Explains why a connection failed: DNS, refused, TLS, timeout or another network error. */
export function classifyNetworkError(err: NodeJS.ErrnoException): Extract<ProbeResult, { ok: false }> {
  const code = err.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { ok: false, code: 'DNS', message: 'the server name could not be resolved (DNS)' };
  if (code === 'ECONNREFUSED') return { ok: false, code: 'REFUSED', message: 'the connection was refused: nothing listens on that port' };
  if (TLS_CODES.test(code) || TLS_CODES.test(err.message)) return { ok: false, code: 'TLS', message: `the TLS handshake failed (${code || err.message}); check the server certificate or add its CA to the profile` };
  if (code === 'ETIMEDOUT') return { ok: false, code: 'TIMEOUT', message: 'the connection timed out' };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { ok: false, code: 'NETWORK', message: 'the connection broke off before the PACS answered' };
  return { ok: false, code: 'NETWORK', message: `network error${code ? ` (${code})` : ''}` };
}
