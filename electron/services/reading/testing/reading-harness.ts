import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StudyAiResult } from '../../../../shared/domain/ai-result';
import { PacsProfile } from '../../../../shared/domain/pacs-profile';
import { OutboxService } from '../../outbox/outbox-service';
import { DirectoryAiResultSource } from '../ai-result-source';
import { AuditLog } from '../audit-log';
import { finalObjects } from '../final-objects';
import { writePart10 } from '../part10-codec';
import { ReadingService, type ReadingDependencies } from '../reading-service';
import { SessionStore } from '../session-store';
import { sampleContext } from './sample-reading';
import type { ReadingChange } from '../../../../shared/report/reading-session';

/** A PACS address that refuses connections: the outbox keeps items queued, durably. */
const NOWHERE = PacsProfile.parse({ id: 'nowhere', name: 'nowhere', qidoUrl: 'http://127.0.0.1:9/dicom-web', wadoUrl: 'http://127.0.0.1:9/dicom-web', stowUrl: 'http://127.0.0.1:9/dicom-web', auth: 'none', timeoutMs: 1000 });

export interface Harness {
  dir: string;
  reading: ReadingService;
  outbox: OutboxService;
  /** Puts an AI result where the service finds it (as the inference service would hold it). */
  putAiResult(result: StudyAiResult): Promise<void>;
  /** A second service on the same folder, as after a restart. */
  reopen(): ReadingService;
  /** Every `readingChanged` any of the harness's services announced, in order. */
  changes: ReadingChange[];
  dispose(): Promise<void>;
}

/** A reading service on a temporary data folder with the real store, audit log and outbox. */
export async function readingHarness(dir?: string, readBack?: ReadingDependencies['readBack']): Promise<Harness> {
  const root = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'tandem-reading-')));
  const outbox = new OutboxService({ root: path.join(root, 'outbox'), profiles: { connection: async () => ({ profile: NOWHERE, secret: undefined }) }, events: { emit: () => undefined }, retryPolicy: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
  const changes: ReadingChange[] = [];
  const make = () =>
    new ReadingService({
      onChanged: (change) => changes.push(change),
      store: new SessionStore(path.join(root, 'reading', 'sessions')),
      audit: new AuditLog(path.join(root, 'reading', 'audit.log')),
      ai: new DirectoryAiResultSource(path.join(root, 'ai-results')),
      who: () => 'workstation-user',
      buildObjects: async (session) => {
        const { objects } = await finalObjects(session, sampleContext(undefined, session.studyInstanceUID));
        return [{ kind: 'report-sr', description: 'report', instances: objects.map((o) => writePart10(o.dataset)) }];
      },
      destination: async () => NOWHERE.id,
      outbox,
      readBack: readBack ?? (async (_s, uid) => ({ studyInstanceUID: uid, reports: [], cad: [], unreadable: [] })),
    });
  return {
    dir: root,
    reading: make(),
    outbox,
    async putAiResult(result) {
      await mkdir(path.join(root, 'ai-results'), { recursive: true });
      await writeFile(path.join(root, 'ai-results', `${result.studyInstanceUid}.json`), JSON.stringify(result));
    },
    reopen: make,
    changes,
    dispose: () => outbox.dispose(),
  };
}
