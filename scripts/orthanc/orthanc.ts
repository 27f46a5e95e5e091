import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';

/** HTTP Basic credentials registered in Orthanc when authentication is enabled. */
export interface OrthancAuth {
  username: string;
  password: string;
}

export interface OrthancOptions {
  /** Folder that holds the config, log, pid file, storage and index of this instance. */
  workDir: string;
  /** When given, Orthanc requires HTTP Basic authentication with exactly this user. */
  auth?: OrthancAuth;
  /** Start Orthanc in its own session so that it outlives the calling process (used by the CLI). */
  detached?: boolean;
  /** Orthanc executable; defaults to $ORTHANC_BIN or `Orthanc` on PATH. */
  binary?: string;
  /** Path of libOrthancDicomWeb.so; defaults to $ORTHANC_DICOMWEB_PLUGIN or the Debian location. */
  dicomWebPlugin?: string;
  /** How long to wait for GET /system to answer; defaults to 15 s. */
  startTimeoutMs?: number;
  /** HTTP port to try on the first attempt; if it is taken, the retry uses a fresh free port. */
  httpPort?: number;
  /** Top-level Orthanc configuration keys merged over the generated configuration. */
  extraConfig?: Record<string, unknown>;
}

export interface OrthancHandle {
  pid: number;
  httpPort: number;
  dicomPort: number;
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  /** `baseUrl + '/dicom-web'` */
  dicomwebRoot: string;
  workDir: string;
  configFile: string;
  logFile: string;
  /** Stops Orthanc (SIGTERM, then SIGKILL after 5 s) and removes the pid file. Safe to call twice. */
  stop(): Promise<void>;
}

/** Files and folders an instance keeps inside its work directory. */
export interface OrthancPaths {
  config: string;
  log: string;
  pid: string;
  storage: string;
  index: string;
  tmp: string;
}

export const DEFAULT_ORTHANC_BINARY = process.env.ORTHANC_BIN ?? 'Orthanc';
export const DEFAULT_DICOMWEB_PLUGIN =
  process.env.ORTHANC_DICOMWEB_PLUGIN ?? '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';
export const DEFAULT_START_TIMEOUT_MS = 15_000;
export const DEFAULT_STOP_TIMEOUT_MS = 5_000;

const HOST = '127.0.0.1';
const LOG_MARKER = '===== orthanc-harness:';
const LOG_TAIL_LINES = 40;
const POLL_INTERVAL_MS = 100;
const PORT_IN_USE = /already in use/i;

/** Child processes started without `detached`; killed if the test process exits without stopping them. */
const attachedPids = new Set<number>();
let exitHookInstalled = false;

/** Returns where an instance rooted at `workDir` keeps its files. */
export function orthancPaths(workDir: string): OrthancPaths {
  const root = path.resolve(workDir);
  return {
    config: path.join(root, 'orthanc-config.json'),
    log: path.join(root, 'orthanc.log'),
    pid: path.join(root, 'orthanc.pid'),
    storage: path.join(root, 'storage'),
    index: path.join(root, 'index'),
    tmp: path.join(root, 'tmp'),
  };
}

/** Builds the `Authorization` header for `auth`, or no header at all. */
export function authHeaders(auth?: OrthancAuth): Record<string, string> {
  if (!auth) return {};
  const token = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
  return { Authorization: `Basic ${token}` };
}

/**
 * Starts a private Orthanc with the DICOMweb plugin on free loopback ports and waits until
 * GET /system answers. Retries once with new ports if Orthanc reports a port already in use.
 * Throws an Error that includes the tail of `workDir/orthanc.log` if Orthanc exits early,
 * does not answer within the start timeout, or runs without the DICOMweb plugin.
 */
export async function startOrthanc(opts: OrthancOptions): Promise<OrthancHandle> {
  const paths = orthancPaths(opts.workDir);
  await assertNotRunning(paths);
  await prepareWorkDir(paths);
  try {
    return await startAttempt(opts, paths, 1, opts.httpPort);
  } catch (err) {
    if (!(err instanceof OrthancStartError) || !err.portInUse) throw err;
    return startAttempt(opts, paths, 2, undefined);
  }
}

/**
 * Stops the process `pid`: SIGTERM, wait up to `timeoutMs`, then SIGKILL.
 * Resolves once the process is gone; resolves at once if it is not running.
 */
export async function stopOrthancByPid(pid: number, timeoutMs = DEFAULT_STOP_TIMEOUT_MS): Promise<void> {
  if (!(await isProcessAlive(pid))) return;
  sendSignal(pid, 'SIGTERM');
  if (await waitForProcessExit(pid, timeoutMs)) return;
  sendSignal(pid, 'SIGKILL');
  if (await waitForProcessExit(pid, 2_000)) return;
  throw new Error(`Orthanc (pid ${pid}) is still running after SIGKILL; check it with \`ps -p ${pid}\`.`);
}

/**
 * Polls GET `baseUrl`/system until it answers 200 with a JSON body.
 * Fails fast on 401/403 (wrong or missing credentials), and after `timeoutMs` otherwise.
 * `options.signal` aborts the wait early (e.g. when the process exits).
 */
export async function waitForSystem(
  baseUrl: string,
  timeoutMs: number,
  auth?: OrthancAuth,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    options.signal?.throwIfAborted();
    const outcome = await probeSystem(baseUrl, auth, Math.min(2_000, Math.max(1, deadline - Date.now())));
    if (outcome.ok) return;
    if (outcome.fatal) throw new Error(`GET ${baseUrl}/system: ${outcome.problem}`);
    lastProblem = outcome.problem;
    await delay(POLL_INTERVAL_MS, options.signal);
  }
  throw new Error(`GET ${baseUrl}/system did not answer 200 JSON within ${timeoutMs} ms (last: ${lastProblem})`);
}

/**
 * Stops the Orthanc whose pid file lies in `workDir`, after checking that the pid still belongs
 * to an Orthanc started with this folder's config (guards against a reused pid).
 * Returns a short description of what it did.
 */
export async function stopOrthancInDir(workDir: string, timeoutMs = DEFAULT_STOP_TIMEOUT_MS): Promise<string> {
  const paths = orthancPaths(workDir);
  const pid = await readPidFile(paths.pid);
  if (pid === undefined) return `no pid file at ${paths.pid}; nothing to stop`;
  if (!(await isProcessAlive(pid))) {
    await rm(paths.pid, { force: true });
    return `pid ${pid} from ${paths.pid} is not running; removed the stale pid file`;
  }
  if (!(await commandLineMentions(pid, paths.config))) {
    await rm(paths.pid, { force: true });
    return `pid ${pid} is not the Orthanc started with ${paths.config} (pid reused?); left it alone and removed the stale pid file`;
  }
  await stopOrthancByPid(pid, timeoutMs);
  await rm(paths.pid, { force: true });
  return `stopped Orthanc pid ${pid}`;
}

class OrthancStartError extends Error {
  constructor(
    message: string,
    readonly portInUse: boolean,
  ) {
    super(message);
    this.name = 'OrthancStartError';
  }
}

interface ProbeOutcome {
  ok: boolean;
  fatal: boolean;
  problem: string;
}

async function startAttempt(
  opts: OrthancOptions,
  paths: OrthancPaths,
  attempt: number,
  preferredHttpPort: number | undefined,
): Promise<OrthancHandle> {
  const [httpPort, dicomPort] = await choosePorts(preferredHttpPort);
  const plugin = opts.dicomWebPlugin ?? DEFAULT_DICOMWEB_PLUGIN;
  const config = buildConfig({ paths, httpPort, dicomPort, plugin, auth: opts.auth, extra: opts.extraConfig });
  await writeFile(paths.config, `${JSON.stringify(config, null, 2)}\n`);
  const binary = opts.binary ?? DEFAULT_ORTHANC_BINARY;
  await appendFile(paths.log, `${LOG_MARKER} attempt ${attempt} at ${new Date().toISOString()}: ${binary} ${paths.config} =====\n`);

  const child = await spawnOrthanc(binary, paths, opts.detached ?? false);
  const pid = child.pid as number;
  await writeFile(paths.pid, `${pid}\n`);
  const baseUrl = `http://${HOST}:${httpPort}`;
  await awaitReady(child, baseUrl, paths, opts, plugin);

  if (opts.detached) child.unref();
  else trackAttachedPid(pid);
  return makeHandle({ pid, httpPort, dicomPort, baseUrl, paths, workDir: path.resolve(opts.workDir) });
}

async function awaitReady(
  child: ChildProcess,
  baseUrl: string,
  paths: OrthancPaths,
  opts: OrthancOptions,
  plugin: string,
): Promise<void> {
  const timeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const exited = new AbortController();
  let exitDescription: string | undefined;
  child.once('exit', (code, signal) => {
    exitDescription = signal ? `signal ${signal}` : `exit code ${code}`;
    exited.abort();
  });
  try {
    await waitForSystem(baseUrl, timeoutMs, opts.auth, { signal: exited.signal });
    await assertDicomWebLoaded(baseUrl, opts.auth, plugin);
  } catch (err) {
    const reason = exitDescription
      ? `Orthanc exited during startup (${exitDescription})`
      : `Orthanc did not become ready: ${(err as Error).message}`;
    if (!exitDescription) await stopOrthancByPid(child.pid as number).catch(() => undefined);
    await rm(paths.pid, { force: true });
    throw await startError(reason, paths);
  }
}

async function startError(reason: string, paths: OrthancPaths): Promise<OrthancStartError> {
  const tail = await readLogTail(paths.log);
  const message = `${reason}. Config: ${paths.config}. Last lines of ${paths.log}:\n${tail || '(log is empty)'}`;
  return new OrthancStartError(message, PORT_IN_USE.test(tail));
}

function makeHandle(args: {
  pid: number;
  httpPort: number;
  dicomPort: number;
  baseUrl: string;
  paths: OrthancPaths;
  workDir: string;
}): OrthancHandle {
  let stopping: Promise<void> | undefined;
  return {
    pid: args.pid,
    httpPort: args.httpPort,
    dicomPort: args.dicomPort,
    baseUrl: args.baseUrl,
    dicomwebRoot: `${args.baseUrl}/dicom-web`,
    workDir: args.workDir,
    configFile: args.paths.config,
    logFile: args.paths.log,
    stop() {
      stopping ??= (async () => {
        await stopOrthancByPid(args.pid);
        attachedPids.delete(args.pid);
        await rm(args.paths.pid, { force: true });
      })();
      return stopping;
    },
  };
}

/** Two instances must never share one SQLite index, so refuse a work directory whose Orthanc still runs. */
async function assertNotRunning(paths: OrthancPaths): Promise<void> {
  const pid = await readPidFile(paths.pid);
  if (pid === undefined || !(await isProcessAlive(pid)) || !(await commandLineMentions(pid, paths.config))) return;
  throw new Error(
    `Orthanc (pid ${pid}) is already running in ${path.dirname(paths.pid)}; stop it first (npm run orthanc -- stop --dir ${path.dirname(paths.pid)}) or use another work directory.`,
  );
}

async function prepareWorkDir(paths: OrthancPaths): Promise<void> {
  await Promise.all([paths.storage, paths.index, paths.tmp].map((dir) => mkdir(dir, { recursive: true })));
}

/**
 * The generated Orthanc 1.10 configuration: loopback only, no outgoing connections
 * (no peers, modalities, DICOMweb servers or proxy), no jobs persisted, DICOMweb at /dicom-web/.
 */
function buildConfig(args: {
  paths: OrthancPaths;
  httpPort: number;
  dicomPort: number;
  plugin: string;
  auth: OrthancAuth | undefined;
  extra: Record<string, unknown> | undefined;
}): Record<string, unknown> {
  return {
    Name: 'TandemTestOrthanc',
    StorageDirectory: args.paths.storage,
    IndexDirectory: args.paths.index,
    TemporaryDirectory: args.paths.tmp,
    StorageCompression: false,
    OverwriteInstances: false,
    HttpServerEnabled: true,
    HttpPort: args.httpPort,
    HttpDescribeErrors: true,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: args.auth !== undefined,
    RegisteredUsers: args.auth ? { [args.auth.username]: args.auth.password } : {},
    DicomServerEnabled: true,
    DicomAet: 'TANDEMTEST',
    DicomPort: args.dicomPort,
    DicomModalities: {},
    OrthancPeers: {},
    HttpProxy: '',
    WebDavEnabled: false,
    ExecuteLuaEnabled: false,
    LuaScripts: [],
    SaveJobs: false,
    Plugins: [args.plugin],
    DicomWeb: {
      Enable: true,
      Root: '/dicom-web/',
      EnableWado: true,
      WadoRoot: '/wado',
      Ssl: false,
      Servers: {},
      StudiesMetadata: 'Full',
      SeriesMetadata: 'Full',
    },
    ...args.extra,
  };
}

/** Two distinct free loopback ports (HTTP, DICOM), found by binding port 0 and closing. */
async function choosePorts(preferredHttpPort: number | undefined): Promise<[number, number]> {
  const servers = await Promise.all([listenOnFreePort(), listenOnFreePort()]);
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  const [first, second] = ports as [number, number];
  return [preferredHttpPort ?? first, second];
}

function listenOnFreePort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => resolve(server));
  });
}

async function spawnOrthanc(binary: string, paths: OrthancPaths, detached: boolean): Promise<ChildProcess> {
  const log = await open(paths.log, 'a');
  try {
    const child = spawn(binary, [paths.config], {
      cwd: path.dirname(paths.config),
      stdio: ['ignore', log.fd, log.fd],
      detached,
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (err) =>
        reject(
          new Error(
            `Cannot run Orthanc binary "${binary}": ${err.message}. Install it (Debian: apt-get install orthanc orthanc-dicomweb) or set ORTHANC_BIN.`,
          ),
        ),
      );
    });
    return child;
  } finally {
    await log.close();
  }
}

async function assertDicomWebLoaded(baseUrl: string, auth: OrthancAuth | undefined, plugin: string): Promise<void> {
  const response = await fetch(`${baseUrl}/plugins`, { headers: authHeaders(auth), signal: AbortSignal.timeout(2_000) });
  const plugins: unknown = response.ok ? await response.json() : [];
  if (Array.isArray(plugins) && plugins.includes('dicom-web')) return;
  throw new Error(
    `the DICOMweb plugin is not loaded (GET /plugins -> ${response.status} ${JSON.stringify(plugins)}); check that ${plugin} exists (set ORTHANC_DICOMWEB_PLUGIN)`,
  );
}

async function probeSystem(baseUrl: string, auth: OrthancAuth | undefined, timeoutMs: number): Promise<ProbeOutcome> {
  try {
    const response = await fetch(`${baseUrl}/system`, {
      headers: { Accept: 'application/json', ...authHeaders(auth) },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    if (response.status === 401 || response.status === 403) {
      return { ok: false, fatal: true, problem: `HTTP ${response.status}; the credentials are missing or wrong` };
    }
    if (response.status !== 200) return { ok: false, fatal: false, problem: `HTTP ${response.status}` };
    JSON.parse(body);
    return { ok: true, fatal: false, problem: '' };
  } catch (err) {
    return { ok: false, fatal: false, problem: describeFetchError(err) };
  }
}

function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code ?? (err as Error).message;
}

/** The last lines of the log written since the latest start attempt. */
async function readLogTail(logPath: string, maxLines = LOG_TAIL_LINES): Promise<string> {
  const text = await readFile(logPath, 'utf8').catch(() => '');
  const attemptText = text.slice(Math.max(0, text.lastIndexOf(LOG_MARKER)));
  const lines = attemptText.split('\n').slice(1).filter((line) => line.trim() !== '');
  return lines.slice(-maxLines).join('\n');
}

async function readPidFile(pidPath: string): Promise<number | undefined> {
  const text = await readFile(pidPath, 'utf8').catch(() => undefined);
  const pid = Number.parseInt(text ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** True when /proc shows `pid` was started with `needle` in its arguments; true where /proc is unavailable. */
async function commandLineMentions(pid: number, needle: string): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined || cmdline.split('\0').includes(needle);
}

async function isProcessAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !(await isZombie(pid));
}

/** An exited child not yet reaped by its parent still answers kill(pid, 0); /proc tells them apart. */
async function isZombie(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return false;
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

async function waitForProcessExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isProcessAlive(pid))) return true;
    await delay(50);
  }
  return !(await isProcessAlive(pid));
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

function trackAttachedPid(pid: number): void {
  attachedPids.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const attached of attachedPids) sendSignal(attached, 'SIGKILL');
  });
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
