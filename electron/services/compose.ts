import path from 'node:path';
import type { Services } from '../../shared/ipc/api';
import { LocalArchive } from './archive/local-archive';
import { EventHub } from './event-hub';
import { ImportService } from './import/import-service';
import { PacsProfileService } from './pacs/pacs-profile-service';
import { ReachabilityMonitor } from './pacs/reachability-monitor';
import type { SecretCipher } from './secrets/secret-cipher';
import { SecretStore } from './secrets/secret-store';
import type { SettingsBackend } from './settings/settings-backend';
import { SettingsService } from './settings/settings-service';
import { RetrievalQueue } from './studies/retrieval-queue';
import { StudyService } from './studies/study-service';
import { SystemService, type SystemFacts } from './system/system-service';
import { WorklistService } from './worklist/worklist-service';

/** What differs between Electron and plain Node; everything else is shared. */
export interface PlatformAdapters extends SystemFacts {
  settingsBackend: SettingsBackend;
  secretCipher: SecretCipher;
}

export interface ServiceContainer {
  services: Services;
  events: EventHub;
  /** Background reachability checks of every PACS; the transports start it, tests may not. */
  reachability: ReachabilityMonitor;
}

/** The one place the services are wired together. */
export function createServices(platform: PlatformAdapters): ServiceContainer {
  const events = new EventHub();
  const settings = new SettingsService(platform.settingsBackend, events);
  const secrets = new SecretStore(path.join(platform.dataDirectory, 'secrets.json'), platform.secretCipher);
  const archive = new LocalArchive(path.join(platform.dataDirectory, 'archive'));
  const pacs = new PacsProfileService(settings, secrets);
  const reachability = new ReachabilityMonitor(pacs, events);
  pacs.reachability = reachability;
  const retrieval = new RetrievalQueue(archive, pacs, events);
  return {
    events,
    reachability,
    services: {
      settings,
      pacs,
      worklist: new WorklistService(archive, pacs, retrieval, reachability),
      studies: new StudyService(archive, retrieval),
      imports: new ImportService(archive, events),
      system: new SystemService(platform),
    },
  };
}
