/**
 * Headers on every loopback response. COOP + COEP make the page cross-origin isolated (needed
 * for SharedArrayBuffer, so for threaded WASM); the CSP allows only this origin, WASM
 * compilation and same-origin workers.
 */
export function securityHeaders(origin: string): Record<string, string> {
  const ws = origin.replace(/^http/, 'ws');
  return {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "worker-src 'self' blob:",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      `connect-src 'self' ${ws}`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  };
}
