import { writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../../../shared/ipc/errors';
import type { ReadingChange } from '../../../shared/report/reading-session';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { LocalArchive } from '../archive/local-archive';
import type { EnqueueRequest } from '../outbox/enqueue-request';
import type { PacsProfileService } from '../pacs/pacs-profile-service';
import type { SettingsService } from '../settings/settings-service';
import { DirectoryAiResultSource, firstAvailable, type AiResultSource } from './ai-result-source';
import { AuditLog } from './audit-log';
import { finalObjects } from './final-objects';
import { writePart10 } from './part10-codec';
import { archiveSrSource, isLocal, pacsSrSource, readBackStudy } from './read-back';
import { ReadingService } from './reading-service';
import { SessionStore } from './session-store';
import { readStudyContext } from './study-context-reader';

export interface ReadingWiring {
  dataDirectory: string;
  archive: LocalArchive;
  pacs: PacsProfileService;
  settings: SettingsService;
  outbox: { enqueue(request: EnqueueRequest): Promise<OutboxItem>; list(): Promise<OutboxItem[]> };
  /** The live inference service (issue 5); results kept in `<dataDir>/ai-read/` (an external AI's) are used too. */
  ai?: AiResultSource;
  /** Starts the AI on a study when its reading opens (the result stays sealed in this process). */
  prepareAi?: (studyInstanceUID: string) => void;
  /** Every committed change of a session (pushed to the window as `readingChanged`). */
  onChanged?: (change: ReadingChange) => void;
}

/** Wires the reading service to the archive, PACS profiles, outbox and AI results. */
export function createReadingService(w: ReadingWiring): ReadingService {
  const root = path.join(w.dataDirectory, 'reading');
  const stored = new DirectoryAiResultSource(path.join(w.dataDirectory, 'ai-read'));
  return new ReadingService({
    store: new SessionStore(path.join(root, 'sessions')),
    audit: new AuditLog(path.join(root, 'audit.log')),
    ai: w.ai ? firstAvailable(stored, w.ai) : stored,
    ...(w.prepareAi ? { prepareAi: w.prepareAi } : {}),
    ...(w.onChanged ? { onChanged: w.onChanged } : {}),
    who: () => {
      try {
        return os.userInfo().username;
      } catch {
        return 'unknown';
      }
    },
    async buildObjects(session) {
      const context = await readStudyContext(w.archive, session.studyInstanceUID);
      const { objects, pdf } = await finalObjects(session, context);
      // A printable copy stays on this machine as well.
      const pdfDir = path.join(root, 'pdf');
      await mkdir(pdfDir, { recursive: true });
      await writeFile(path.join(pdfDir, `${session.studyInstanceUID}.pdf`), pdf);
      // One outbox item: the report, the AI's CAD SR, heatmaps and PDF become durable together.
      return [{ kind: 'report-sr', description: 'Double-reading report, CAD SR, heatmaps and PDF', instances: objects.map((o) => writePart10(o.dataset)) }];
    },
    async destination(sourceId) {
      const profiles = await w.pacs.listProfiles();
      const active = w.settings.snapshot().activeSourceId;
      const chosen = profiles.find((p) => p.id === sourceId) ?? profiles.find((p) => p.id === active) ?? profiles[0];
      if (!chosen) throw new ServiceError('NOT_CONFIGURED', 'The report is final and saved, but no PACS is configured to send it to. Add one under Settings, then send it again.');
      return chosen.id;
    },
    outbox: w.outbox,
    async readBack(sourceId, studyInstanceUID) {
      const source = isLocal(sourceId) ? archiveSrSource(w.archive) : pacsSrSource(await w.pacs.connection(sourceId));
      return readBackStudy(source, studyInstanceUID);
    },
  });
}
