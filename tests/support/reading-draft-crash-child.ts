import { SessionStore } from '../../electron/services/reading/session-store';
import { AuditLog } from '../../electron/services/reading/audit-log';
import { ReadingService } from '../../electron/services/reading/reading-service';
import { emptyMammoReport } from '../../shared/report/mammo-report';

/**
 * Child process for the draft crash test: autosaves a growing draft as fast as it can and prints
 * `ACK <revision> <comment length>` after each save resolves. The parent kills it with SIGKILL
 * at a random moment, mid-write.
 * Usage: node child.mjs <readingDir> <studyUID>
 */
const [root, study] = process.argv.slice(2) as [string, string];
const unused = async () => {
  throw new Error('not used by this test');
};
const reading = new ReadingService({
  store: new SessionStore(`${root}/sessions`),
  audit: new AuditLog(`${root}/audit.log`),
  ai: { getResult: async () => undefined },
  who: () => 'crash-test',
  buildObjects: unused,
  destination: unused,
  outbox: { enqueue: unused, list: async () => [] },
  readBack: unused,
});
let session = (await reading.get(study)) ?? (await reading.open('local', study, 'mammo', 'en'));
process.stdout.write('READY\n');
// A large draft (about 200 kB of comment) makes each write long enough to be interrupted.
const words = 'Scattered benign calcifications in both breasts, stable. ';
for (;;) {
  const report = { ...emptyMammoReport('en'), composition: 'b' as const, comment: words.repeat(3000 + (session.revision % 500)).slice(0, 3900) + ` #${session.revision + 1}`.padEnd(20, '.') };
  session = await reading.saveDraft(study, session.revision, { ...report, comment: report.comment.slice(0, 4000) });
  process.stdout.write(`ACK ${session.revision}\n`);
}
