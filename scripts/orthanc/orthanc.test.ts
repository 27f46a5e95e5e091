import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import {
  DEFAULT_DICOMWEB_PLUGIN,
  DEFAULT_ORTHANC_BINARY,
  authHeaders,
  startOrthanc,
  stopOrthancByPid,
  waitForSystem,
  type OrthancHandle,
  type OrthancOptions,
} from './orthanc';

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Why the suite cannot run here, or undefined when Orthanc and its DICOMweb plugin are installed. */
function missingPrerequisite(): string | undefined {
  if (!isExecutableOnPath(DEFAULT_ORTHANC_BINARY)) {
    return `Orthanc binary "${DEFAULT_ORTHANC_BINARY}" is not on PATH (apt-get install orthanc orthanc-dicomweb, or set ORTHANC_BIN)`;
  }
  if (!isReadable(DEFAULT_DICOMWEB_PLUGIN)) {
    return `DICOMweb plugin not found at ${DEFAULT_DICOMWEB_PLUGIN} (apt-get install orthanc-dicomweb, or set ORTHANC_DICOMWEB_PLUGIN)`;
  }
  return undefined;
}

function isExecutableOnPath(binary: string): boolean {
  if (binary.includes('/')) return isExecutable(binary);
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => isExecutable(path.join(dir, binary)));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isReadable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** True if the pid names a live process (an unreaped zombie counts as gone). */
async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return !/\) [ZX] /.test(stat);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A TCP listener that drops every connection, standing in for another program on the port. */
function listenOn(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A minimal DICOM instance made by Orthanc itself, downloaded as Part 10 bytes. */
async function makeDicomInstance(handle: OrthancHandle, sopInstanceUid: string): Promise<Buffer> {
  const created = await fetch(`${handle.baseUrl}/tools/create-dicom`, {
    method: 'POST',
    body: JSON.stringify({
      Force: true,
      Tags: {
        PatientID: 'HARNESS-1',
        PatientName: 'Harness^Test',
        StudyInstanceUID: '1.2.826.0.1.3680043.8.498.1',
        SeriesInstanceUID: '1.2.826.0.1.3680043.8.498.1.1',
        SOPInstanceUID: sopInstanceUid,
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.2',
        Modality: 'MG',
      },
    }),
  });
  const { ID } = (await created.json()) as { ID: string };
  const file = Buffer.from(await (await fetch(`${handle.baseUrl}/instances/${ID}/file`)).arrayBuffer());
  await fetch(`${handle.baseUrl}/instances/${ID}`, { method: 'DELETE' });
  return file;
}

async function stow(handle: OrthancHandle, dicom: Buffer): Promise<Response> {
  const boundary = 'harness-boundary-7d3f';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
    dicom,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return fetch(`${handle.dicomwebRoot}/studies`, {
    method: 'POST',
    headers: {
      'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`,
      Accept: 'application/dicom+json',
    },
    body,
  });
}

const skipReason = missingPrerequisite();
if (skipReason) console.warn(`Skipping Orthanc harness tests: ${skipReason}`);

/** Each Orthanc takes ~3.5 s to shut down gracefully, so the tests run concurrently. */
describe.skipIf(skipReason !== undefined).concurrent('Orthanc test harness', () => {
  const workDirs: string[] = [];

  async function newWorkDir(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'orthanc-harness-'));
    workDirs.push(dir);
    return dir;
  }

  /** Starts an Orthanc that is stopped when the calling test finishes. */
  async function start(ctx: TestContext, extra: Partial<OrthancOptions> = {}): Promise<OrthancHandle> {
    const handle = await startOrthanc({ workDir: await newWorkDir(), ...extra });
    ctx.onTestFinished(() => handle.stop());
    return handle;
  }

  afterAll(async () => {
    await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  describe('a running instance', () => {
    let orthanc: OrthancHandle;

    beforeAll(async () => {
      orthanc = await startOrthanc({ workDir: await newWorkDir() });
      return () => orthanc.stop();
    });

    it('answers /system and an empty DICOMweb archive on its chosen ports', async ({ expect }) => {
      expect(orthanc.baseUrl).toBe(`http://127.0.0.1:${orthanc.httpPort}`);
      expect(orthanc.dicomwebRoot).toBe(`${orthanc.baseUrl}/dicom-web`);
      expect(await readFile(path.join(orthanc.workDir, 'orthanc.pid'), 'utf8')).toBe(`${orthanc.pid}\n`);

      const system = await fetch(`${orthanc.baseUrl}/system`);
      expect(system.status).toBe(200);
      expect(await system.json()).toMatchObject({
        HttpPort: orthanc.httpPort,
        DicomPort: orthanc.dicomPort,
        Name: 'TandemTestOrthanc',
      });

      const studies = await fetch(`${orthanc.dicomwebRoot}/studies`, { headers: { Accept: 'application/dicom+json' } });
      expect([200, 204]).toContain(studies.status);
      if (studies.status === 200) expect(await studies.json()).toEqual([]);
    });

    it('holds the HTTP and DICOM ports it reports', async ({ expect }) => {
      expect(await canConnect(orthanc.dicomPort)).toBe(true);
      await expect(listenOn(orthanc.httpPort, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await expect(listenOn(orthanc.dicomPort, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
    });

    it('refuses to start a second Orthanc in the same work directory', async ({ expect }) => {
      await expect(startOrthanc({ workDir: orthanc.workDir })).rejects.toThrow(/already running in .* stop it first/);
      expect((await fetch(`${orthanc.baseUrl}/system`)).status).toBe(200);
    });

    it('writes a loopback-only config with storage inside the work directory', async ({ expect }) => {
      const config = JSON.parse(await readFile(orthanc.configFile, 'utf8')) as Record<string, unknown>;

      expect(config).toMatchObject({
        RemoteAccessAllowed: false,
        AuthenticationEnabled: false,
        StorageCompression: false,
        OverwriteInstances: false,
        HttpPort: orthanc.httpPort,
        DicomPort: orthanc.dicomPort,
        DicomModalities: {},
        OrthancPeers: {},
        DicomWeb: { Enable: true, Root: '/dicom-web/', Servers: {} },
      });
      expect(String(config.StorageDirectory).startsWith(orthanc.workDir)).toBe(true);
      expect(String(config.IndexDirectory).startsWith(orthanc.workDir)).toBe(true);
    });

    it('keeps a single copy when the same SOP Instance UID is stored twice via STOW-RS', async ({ expect }) => {
      const sopInstanceUid = '1.2.826.0.1.3680043.8.498.1.1.1';
      const dicom = await makeDicomInstance(orthanc, sopInstanceUid);

      expect((await stow(orthanc, dicom)).status).toBe(200);
      expect((await stow(orthanc, dicom)).status).toBe(200);

      const instances = await fetch(`${orthanc.dicomwebRoot}/instances?SOPInstanceUID=${sopInstanceUid}`);
      expect((await instances.json()) as unknown[]).toHaveLength(1);
    });
  });

  it('stop() ends the process, frees the port and removes the pid file', async ({ expect }) => {
    const orthanc = await startOrthanc({ workDir: await newWorkDir() });
    await orthanc.stop();

    expect(await isAlive(orthanc.pid)).toBe(false);
    expect(await canConnect(orthanc.httpPort)).toBe(false);
    await expect(readFile(path.join(orthanc.workDir, 'orthanc.pid'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(orthanc.stop()).resolves.toBeUndefined();
    await expect(stopOrthancByPid(orthanc.pid, 100)).resolves.toBeUndefined();
  });

  it('runs two instances at once on different ports', async (ctx) => {
    const { expect } = ctx;
    const [first, second] = await Promise.all([start(ctx), start(ctx)]);

    expect(first.pid).not.toBe(second.pid);
    expect(new Set([first.httpPort, first.dicomPort, second.httpPort, second.dicomPort]).size).toBe(4);
    for (const orthanc of [first, second]) {
      expect((await fetch(`${orthanc.baseUrl}/system`)).status).toBe(200);
    }
  });

  it('requires credentials when auth is given', async (ctx) => {
    const { expect } = ctx;
    const auth = { username: 'reader', password: 'double-read' };
    const orthanc = await start(ctx, { auth });

    expect((await fetch(`${orthanc.baseUrl}/system`)).status).toBe(401);
    expect((await fetch(`${orthanc.dicomwebRoot}/studies`)).status).toBe(401);
    const wrong = authHeaders({ ...auth, password: 'nope' });
    expect((await fetch(`${orthanc.baseUrl}/system`, { headers: wrong })).status).toBe(401);
    expect((await fetch(`${orthanc.baseUrl}/system`, { headers: authHeaders(auth) })).status).toBe(200);
    expect((await fetch(`${orthanc.dicomwebRoot}/studies`, { headers: authHeaders(auth) })).status).toBe(200);
    await expect(waitForSystem(orthanc.baseUrl, 2_000, auth)).resolves.toBeUndefined();
    await expect(waitForSystem(orthanc.baseUrl, 2_000)).rejects.toThrow(/401/);
  });

  it('retries on fresh ports when the first HTTP port is taken', async (ctx) => {
    const { expect } = ctx;
    const blocker = await listenOn(0, '0.0.0.0');
    ctx.onTestFinished(() => closeServer(blocker));
    const takenPort = (blocker.address() as { port: number }).port;

    const orthanc = await start(ctx, { httpPort: takenPort });

    expect(orthanc.httpPort).not.toBe(takenPort);
    expect((await fetch(`${orthanc.baseUrl}/system`)).status).toBe(200);
    expect(await readFile(orthanc.logFile, 'utf8')).toMatch(/HTTP server is privileged or already in use/);
  });

  it('fails with the log tail when the DICOMweb plugin cannot be loaded', async ({ expect }) => {
    const workDir = await newWorkDir();

    const failure = startOrthanc({ workDir, dicomWebPlugin: path.join(workDir, 'missing-plugin.so') });

    await expect(failure).rejects.toThrow(/DICOMweb plugin is not loaded[\s\S]*Inexistent path to plugins/);
    await expect(readFile(path.join(workDir, 'orthanc.pid'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fails with the log tail when Orthanc exits during startup', async ({ expect }) => {
    const workDir = await newWorkDir();

    const failure = startOrthanc({ workDir, extraConfig: { StorageDirectory: '/proc/orthanc-harness/storage' } });

    await expect(failure).rejects.toThrow(/exited during startup[\s\S]*Last lines of .*orthanc\.log:\n[\s\S]*E\d{4}/);
  });

  it('gives up after the start timeout and kills a process that never answers', async ({ expect }) => {
    const workDir = await newWorkDir();
    const fakeOrthanc = path.join(workDir, 'fake-orthanc.sh');
    await writeFile(fakeOrthanc, '#!/bin/sh\necho "fake orthanc is hanging"\nexec sleep 60\n');
    await chmod(fakeOrthanc, 0o755);

    const failure = startOrthanc({ workDir, binary: fakeOrthanc, startTimeoutMs: 1_000 });

    await expect(failure).rejects.toThrow(/did not become ready[\s\S]*within 1000 ms[\s\S]*fake orthanc is hanging/);
    const pids = await execFileAsync('pgrep', ['-f', fakeOrthanc]).catch(() => ({ stdout: '' }));
    expect(pids.stdout.trim()).toBe('');
  });

  it('reports a missing binary with an actionable message', async ({ expect }) => {
    const failure = startOrthanc({ workDir: await newWorkDir(), binary: '/nonexistent/Orthanc' });

    await expect(failure).rejects.toThrow(/Cannot run Orthanc binary "\/nonexistent\/Orthanc".*ORTHANC_BIN/);
  });

  it('CLI start leaves Orthanc running after the CLI exits, and CLI stop ends it', async (ctx) => {
    const { expect } = ctx;
    const workDir = await newWorkDir();
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const cli = path.join(repoRoot, 'scripts', 'orthanc', 'cli.ts');

    const started = await execFileAsync(tsx, [cli, 'start', '--dir', workDir, '--user', 'u', '--password', 'p'], {
      cwd: repoRoot,
    });
    const info = JSON.parse(started.stdout.trim()) as { pid: number; httpPort: number; dicomwebRoot: string; baseUrl: string };
    ctx.onTestFinished(() => stopOrthancByPid(info.pid));

    expect(JSON.parse(await readFile(path.join(workDir, 'orthanc.json'), 'utf8'))).toEqual(info);
    expect(info.dicomwebRoot).toBe(`http://127.0.0.1:${info.httpPort}/dicom-web`);
    expect(await isAlive(info.pid)).toBe(true);
    const system = await fetch(`${info.baseUrl}/system`, { headers: authHeaders({ username: 'u', password: 'p' }) });
    expect(system.status).toBe(200);

    await execFileAsync(tsx, [cli, 'stop', '--dir', workDir], { cwd: repoRoot });

    expect(await isAlive(info.pid)).toBe(false);
    await expect(readFile(path.join(workDir, 'orthanc.pid'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
