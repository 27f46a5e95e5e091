import { stopOrthancByPid } from '../scripts/orthanc/orthanc';
import { readEnvironment } from './support/environment';

/** Stops the loopback server and Orthanc by PID. */
export default async function globalTeardown(): Promise<void> {
  const env = readEnvironment();
  try {
    process.kill(env.serverPid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await stopOrthancByPid(env.orthancPid);
}
