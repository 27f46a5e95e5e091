import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startOrthanc, stopOrthancInDir, type OrthancAuth } from './orthanc';

const USAGE = `Usage:
  tsx scripts/orthanc/cli.ts start --dir <workDir> [--user <name> --password <secret>]
  tsx scripts/orthanc/cli.ts stop --dir <workDir>

start  launches Orthanc (with DICOMweb) in the background on free loopback ports, prints one
       JSON line {pid, httpPort, dicomPort, baseUrl, dicomwebRoot, ...} and writes it to <workDir>/orthanc.json.
stop   stops the Orthanc whose pid is in <workDir>/orthanc.pid.`;

interface CliArgs {
  command: 'start' | 'stop';
  workDir: string;
  auth: OrthancAuth | undefined;
}

/** Parses argv (without node and script) into a command, or throws an Error with the usage text. */
function parseCli(argv: string[]): CliArgs {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || (command !== 'start' && command !== 'stop')) throw new Error(USAGE);
  if (!values.dir) throw new Error(`--dir <workDir> is required.\n\n${USAGE}`);
  if ((values.user === undefined) !== (values.password === undefined)) {
    throw new Error(`--user and --password go together.\n\n${USAGE}`);
  }
  const auth = values.user !== undefined ? { username: values.user, password: values.password ?? '' } : undefined;
  return { command, workDir: path.resolve(values.dir), auth };
}

async function runStart(args: CliArgs): Promise<void> {
  const handle = await startOrthanc({ workDir: args.workDir, auth: args.auth, detached: true });
  const info = {
    pid: handle.pid,
    httpPort: handle.httpPort,
    dicomPort: handle.dicomPort,
    baseUrl: handle.baseUrl,
    dicomwebRoot: handle.dicomwebRoot,
    workDir: handle.workDir,
    configFile: handle.configFile,
    logFile: handle.logFile,
    authEnabled: args.auth !== undefined,
    username: args.auth?.username ?? null,
  };
  const line = JSON.stringify(info);
  await writeFile(path.join(args.workDir, 'orthanc.json'), `${line}\n`);
  process.stdout.write(`${line}\n`);
}

async function runStop(args: CliArgs): Promise<void> {
  const outcome = await stopOrthancInDir(args.workDir);
  await rm(path.join(args.workDir, 'orthanc.json'), { force: true });
  process.stderr.write(`${outcome}\n`);
}

async function main(): Promise<void> {
  const args = parseCli(process.argv.slice(2));
  if (args.command === 'start') await runStart(args);
  else await runStop(args);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
