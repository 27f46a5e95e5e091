import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm test`: every check CI runs, in order: lint, typecheck, unit, build, integration (real
 * Orthanc), end-to-end (Debian's Chromium against the built app and a real Orthanc). Stops at
 * the first failing stage and ends with one summary line.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const stages: [string, string[]][] = [
  ['lint', ['run', '--silent', 'lint']],
  ['typecheck', ['run', '--silent', 'typecheck']],
  ['unit', ['run', '--silent', 'test:unit']],
  ['build', ['run', '--silent', 'build']],
  ['integration', ['run', '--silent', 'test:integration']],
  ['e2e', ['run', '--silent', 'test:e2e']],
];

let passed = 0;
for (const [name, args] of stages) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.log(`\n=== ${name} failed after ${seconds} s ===`);
    console.log(`stages: ${passed} passed, 1 failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${name} passed in ${seconds} s ===`);
  passed += 1;
}
console.log(`stages: ${passed} passed, 0 failed`);
