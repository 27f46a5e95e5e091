import path from 'node:path';
import type { Services } from '../../shared/ipc/api';
import { ArchiveService } from './archive/archive-service';
import { LocalArchive } from './archive/local-archive';
import { EventHub } from './event-hub';
import { ImportService } from './import/import-service';
import { InferenceService } from './inference/inference-service';
import { ResultCache } from './inference/result-cache';
import { ModelsService } from './models/models-service';
import type { SpawnHost } from './models/host-channel';
import { OrtHost } from './models/ort-host';
import { PackStore } from './models/pack-store';
import { OutboxService } from './outbox/outbox-service';
import { PacsProfileService } from './pacs/pacs-profile-service';
import { createReadingService } from './reading/create-reading-service';
import { createRevealPolicy, type RevealPolicy } from './reading/reveal-policy';
import { ReachabilityMonitor } from './pacs/reachability-monitor';
import type { SecretCipher } from './secrets/secret-cipher';
import { SecretStore } from './secrets/secret-store';
import type { SettingsBackend } from './settings/settings-backend';
import { ProtocolStore } from './protocols/protocol-store';
import { SettingsService } from './settings/settings-service';
import { RetrievalQueue } from './studies/retrieval-queue';
import { StudyService } from './studies/study-service';
import { SystemService, type SystemFacts } from './system/system-service';
import { WorklistService } from './worklist/worklist-service';

/** What differs between Electron and plain Node; everything else is shared. */
export interface PlatformAdapters extends SystemFacts {
  settingsBackend: SettingsBackend;
  secretCipher: SecretCipher;
  /** The packs shipped with the app; default `models/packs` under the working directory. */
  builtInPacksDirectory?: string;
  /** Starts the native inference process: Electron's utility process; default a forked Node child. */
  spawnInferenceProcess?: SpawnHost;
}

export interface ServiceContainer {
  services: Services;
  events: EventHub;
  /** Background reachability checks of every PACS; the transports start it, tests may not. */
  reachability: ReachabilityMonitor;
  /** Retrievals from PACS into the archive (for orderly shutdown and benchmarks). */
  retrieval: RetrievalQueue;
  /** AI inference (the reading session installs its reveal policy here). */
  inference: InferenceService;
  /** May an AI result of a study reach the renderer? Only once its first read is signed (issue 5 injects it). */
  revealPolicy: RevealPolicy;
  /** Stops background work (the outbox sender) and flushes pending writes; call before exit. */
  dispose(): Promise<void>;
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
  const outbox = new OutboxService({ root: path.join(platform.dataDirectory, 'outbox'), profiles: pacs, events });
  const packs = new PackStore({
    root: path.join(platform.dataDirectory, 'models'),
    builtInDirectory: platform.builtInPacksDirectory ?? path.resolve('models', 'packs'),
    trustedKeys: () => settings.snapshot().trustedModelKeys,
  });
  const modelHost = new OrtHost(platform.spawnInferenceProcess);
  const inference = new InferenceService({ store: packs, archive, cache: new ResultCache(path.join(platform.dataDirectory, 'ai-results')), events, host: modelHost });
  const reading = createReadingService({
    dataDirectory: platform.dataDirectory,
    archive,
    pacs,
    settings,
    outbox,
    // The AI reads in the background as soon as a reading opens; its result stays in this process
    // until the first read is signed (the reveal policy below refuses it to the renderer).
    ai: { getResult: (uid) => inference.resultForReveal(uid) },
    prepareAi: (uid) => void inference.start(uid).catch(() => undefined),
    onChanged: (change) => events.emit('readingChanged', change),
  });
  void reading.start();
  const revealPolicy = createRevealPolicy(reading);
  inference.setRevealPolicy(revealPolicy);
  archive.setPolicy({
    budgetBytes: () => settings.snapshot().archiveBudgetGiB * 2 ** 30,
    isProtected: (uid) => retrieval.progressOf(uid) !== undefined || outbox.hasUnsentWork(uid) || reading.isReadingInProgress(uid),
  });
  events.onDidEmit((name, payload) => {
    if (name === 'outboxChanged') void reading.onOutboxChanged(payload as Parameters<typeof reading.onOutboxChanged>[0]).catch(() => undefined);
  });
  outbox.start();
  return {
    events,
    reachability,
    retrieval,
    inference,
    revealPolicy,
    dispose: async () => {
      reachability.dispose();
      await inference.dispose();
      await modelHost.dispose();
      await outbox.dispose();
      await archive.close();
    },
    services: {
      settings,
      pacs,
      worklist: new WorklistService(archive, pacs, retrieval, reachability),
      studies: new StudyService(archive, retrieval),
      archive: new ArchiveService(archive),
      protocols: new ProtocolStore(path.join(platform.dataDirectory, 'hanging-protocols.json')),
      imports: new ImportService(archive, events),
      outbox,
      models: new ModelsService(packs),
      inference,
      reading,
      system: new SystemService(platform),
    },
  };
}
