import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MisbehavingServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that answers the way broken or wrong servers do in the field:
 * an HTML portal page, malformed JSON, or no answer at all. Used where Orthanc cannot be made to
 * misbehave that way.
 */
export async function startMisbehavingServer(mode: 'html' | 'malformed-json' | 'silent' | 'server-error'): Promise<MisbehavingServer> {
  const server = http.createServer((_req, res) => {
    if (mode === 'html') res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Wi-Fi login</title><p>Please sign in');
    else if (mode === 'server-error') res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
    else if (mode === 'malformed-json') res.writeHead(200, { 'Content-Type': 'application/dicom+json' }).end('[{"0020000D": {"vr": "UI", "Value": [');
    // 'silent' accepts the connection and never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dicom-web`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
