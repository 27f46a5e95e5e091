import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TlsServer {
  url: string;
  /** The self-signed certificate, as a PACS administrator would hand it over. */
  certificatePem: string;
  close(): Promise<void>;
}

/**
 * An HTTPS DICOMweb stand-in on 127.0.0.1 with a self-signed certificate made by openssl for
 * this run: answers QIDO with an empty DICOM JSON array. Tests TLS diagnosis and per-profile CAs.
 */
export async function startTlsServer(): Promise<TlsServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const certificatePem = readFileSync(cert, 'utf8');
  const server = https.createServer({ key: readFileSync(key), cert: certificatePem }, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/dicom+json' }).end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/dicom-web`,
    certificatePem,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
