import http from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeFixtures, type FixtureManifest } from '../../scripts/fixtures/make-fixtures';
import { createDispatch } from '../../shared/ipc/dispatch';
import { LocalArchive } from '../services/archive/local-archive';
import { createServices } from '../services/compose';
import { nodePlatform } from '../services/node-platform';
import { startLoopbackServer, type LoopbackServer } from './server';

let server: LoopbackServer;
let fixtures: FixtureManifest;
let staticDir: string;

beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-loopback-'));
  staticDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-static-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Tandem</title>');
  fixtures = await makeFixtures({ sharedDataDir: path.join(dataDir, 'no-shared-here'), outDir: path.join(dataDir, 'fixtures') });
  const chest = fixtures.studies.find((s) => s.kind === 'chest')!;
  // One instance already in the archive, as an earlier session would have left it.
  await new LocalArchive(path.join(dataDir, 'archive')).storeInstance(await readFile(chest.instances[0]!.path));
  const { services, events } = createServices(nodePlatform(dataDir, '0.0.0-test'));
  server = await startLoopbackServer({ dispatch: createDispatch(services), events, staticDir });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

function call(channel: string, args: unknown[], headers: Record<string, string> = { Authorization: `Bearer ${server.token}` }) {
  return fetch(`${server.origin}/ipc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });
}

function rawGet(pathname: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('loopback server', () => {
  it('listens on 127.0.0.1 only and puts the token in the fragment, which browsers never send', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.appUrl).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses calls without the launch token, or with a wrong one', async () => {
    const none = await call('settings.get', [], {});
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('UNAUTHORIZED_CALLER');
    expect((await call('settings.get', [], { Authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('answers a call with the token through the contract', async () => {
    const res = await call('settings.get', []);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { language: 'en', activeSourceId: 'local', pacsProfiles: [], archiveBudgetGiB: 50, trustedModelKeys: [], inferenceBackend: 'auto' } });
  });

  it('refuses a call from another origin even with the token', async () => {
    expect((await call('settings.get', [], { Authorization: `Bearer ${server.token}`, Origin: 'http://evil.example' })).status).toBe(401);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    expect(await rawGet('/', { Host: 'evil.example' })).toBe(421);
    expect(await rawGet('/', { Host: new URL(server.origin).host })).toBe(200);
  });

  it('serves the renderer cross-origin isolated, with a strict CSP, and nothing outside its folder', async () => {
    const res = await fetch(`${server.origin}/`);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const traversal = await fetch(`${server.origin}/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"dependencies"');
  });

  it('sends instance bytes as a binary body, identical to the archived file', async () => {
    const chest = fixtures.studies.find((s) => s.kind === 'chest')!;
    const inst = chest.instances[0]!;
    const res = await call('studies.readInstance', [{ studyInstanceUID: inst.studyInstanceUID, seriesInstanceUID: inst.seriesInstanceUID, sopInstanceUID: inst.sopInstanceUID }]);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(inst.path))).toBe(true);
  });

  it('pushes events over the WebSocket only to an authorised page of its own origin', async () => {
    const wsUrl = `${server.origin.replace('http', 'ws')}/events`;
    const rejected = (url: string, origin: string) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(url, { origin });
        ws.on('open', () => (ws.close(), resolve(false)));
        ws.on('error', () => resolve(true));
      });
    expect(await rejected(`${wsUrl}?token=wrong`, server.origin)).toBe(true);
    expect(await rejected(`${wsUrl}?token=${server.token}`, 'http://evil.example')).toBe(true);

    const ws = new WebSocket(`${wsUrl}?token=${server.token}`, { origin: server.origin });
    await new Promise((resolve) => ws.on('open', resolve));
    const message = new Promise<{ event: string; payload: { language: string } }>((resolve) => ws.on('message', (data) => resolve(JSON.parse(String(data)))));
    await call('settings.update', [{ language: 'ru' }]);
    expect(await message).toMatchObject({ event: 'settingsChanged', payload: { language: 'ru' } });
    ws.close();
  });
});
