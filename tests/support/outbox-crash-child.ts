import { OutboxService } from '../../electron/services/outbox/outbox-service';
import { PacsProfile } from '../../shared/domain/pacs-profile';
import { crashPayload } from './outbox-objects';

/**
 * Child process for the outbox crash test: enqueues items as fast as it can and prints
 * `ACK <id> <seed>` after each enqueue resolves, while its sender keeps rewriting records
 * (the PACS address refuses connections and the retry delay is 1 ms). The parent kills it with
 * SIGKILL at a random moment.
 * Usage: node child.mjs <outboxDir> <runTag>
 */
const [root, runTag] = process.argv.slice(2) as [string, string];
const profile = PacsProfile.parse({ id: 'nowhere', name: 'nowhere', qidoUrl: 'http://127.0.0.1:9/dicom-web', wadoUrl: 'http://127.0.0.1:9/dicom-web', stowUrl: 'http://127.0.0.1:9/dicom-web', auth: 'none', timeoutMs: 1000 });
const outbox = new OutboxService({
  root,
  profiles: { connection: async () => ({ profile, secret: undefined }) },
  events: { emit: () => undefined },
  retryPolicy: { baseDelayMs: 1, maxDelayMs: 2 },
});
outbox.start();
await outbox.list();
process.stdout.write('READY\n');
for (let n = 0; ; n++) {
  const seed = `${runTag}-${n}`;
  const { studyInstanceUID, instances } = crashPayload(seed);
  const item = await outbox.enqueue({ kind: 'heatmap', profileId: profile.id, studyInstanceUID, description: `crash test ${seed}`, instances });
  process.stdout.write(`ACK ${item.id} ${seed}\n`);
}
