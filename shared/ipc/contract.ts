import { z } from 'zod';
import { DicomJsonDatasetSchema } from '../dicom/dicom-json';
import { HangingProtocol } from '../hanging/protocol-schema';
import { PacsReachability } from '../domain/connectivity';
import { ImportProgress, ImportSummary } from '../domain/import';
import { OutboxItem } from '../domain/outbox';
import { ConnectionDiagnosis, PacsProfile, PacsProfileInput } from '../domain/pacs-profile';
import { Settings, SettingsPatch } from '../domain/settings';
import {
  InstanceRef,
  LocalStudy,
  RetrieveProgress,
  SourceId,
  StudyQuery,
  StudySearchResult,
  Uid,
} from '../domain/study';
import { SystemInfo } from '../domain/system-info';
import { StudyAiResult } from '../domain/ai-result';
import { InferenceJob, InferenceProgress, NodeCalibration, NodeTimingRequest } from '../models/inference-progress';
import { InstalledPack, RefusedPack } from '../models/installed-pack';
import { PackId } from '../models/manifest';
import { ReadBack } from '../report/read-back';
import { ReaderReport } from '../report/reader-report';
import { AiFeedback, AuditEntry, FinalDecision, ReaderName, ReadingChange, ReadingKind, ReadingSession } from '../report/reading-session';
import { ReportLanguage } from '../report/report-language';
import { binaryMethod, event, method } from './method';

/**
 * The complete API the renderer may call. Every channel, argument and result is declared here and
 * nowhere else: the Electron preload, the main-process handlers, the loopback server and the
 * renderer's client are all generated from this object.
 */
export const contract = {
  settings: {
    /** The current settings. */
    get: method(z.tuple([]), Settings),
    /** Changes language or the active worklist source; returns the new settings. */
    update: method(z.tuple([SettingsPatch]), Settings),
  },
  pacs: {
    /** Configured DICOMweb servers, without secrets. */
    listProfiles: method(z.tuple([]), z.array(PacsProfile)),
    /** Creates or replaces a profile by id; a secret, if given, goes to the secret store. */
    saveProfile: method(z.tuple([PacsProfileInput]), PacsProfile),
    removeProfile: method(z.tuple([z.string()]), z.void()),
    /** Probes the server and explains what is wrong if it is not a usable DICOMweb server. */
    testConnection: method(z.tuple([z.string()]), ConnectionDiagnosis),
    /** The last measured reachability of every profile (re-checked in the background). */
    getReachability: method(z.tuple([]), z.array(PacsReachability)),
  },
  worklist: {
    /** QIDO-RS search against a source (the local archive answers the same query offline). */
    searchForStudies: method(z.tuple([SourceId, StudyQuery]), StudySearchResult),
  },
  studies: {
    /**
     * Makes a study available locally: from a PACS it is retrieved with WADO-RS into the archive
     * (progress arrives as `retrieveProgress` events); from the archive it is read as it is.
     */
    retrieveStudy: method(z.tuple([SourceId, Uid]), LocalStudy),
    /** Stops a retrieval; instances already archived stay, and a later retrieval resumes. */
    cancelRetrieve: method(z.tuple([SourceId, Uid]), z.void()),
    /**
     * Queues studies for retrieval in the background (e.g. today's list, before going offline).
     * Returns how many were queued; studies already cached are not fetched again.
     */
    makeAvailableOffline: method(z.tuple([SourceId, z.array(Uid).min(1).max(500)]), z.object({ queued: z.number().int(), alreadyCached: z.number().int() })),
    /**
     * The header fields of every archived instance of a study (DICOM JSON): what hanging
     * protocols and overlays read, without the pixels.
     */
    readInstanceHeaders: method(z.tuple([Uid]), z.array(DicomJsonDatasetSchema)),
    /** The Part 10 bytes of one archived instance, in its stored transfer syntax. */
    readInstance: binaryMethod(z.tuple([InstanceRef])),
  },
  archive: {
    /** Disk used by the local archive against its budget, and what the last integrity check repaired. */
    getStatus: method(
      z.tuple([]),
      z.object({
        usedBytes: z.number(),
        budgetBytes: z.number().optional(),
        studyCount: z.number().int(),
        instanceCount: z.number().int(),
        integrity: z.object({ dropped: z.number().int(), recovered: z.number().int(), removed: z.number().int() }),
      }),
    ),
  },
  protocols: {
    /**
     * The hanging protocols the viewer chooses from: the built-in ones and the user's own (which
     * win over a built-in one on an equal match), and why any stored protocol was not loaded.
     */
    list: method(z.tuple([]), z.object({ builtIn: z.array(HangingProtocol), user: z.array(HangingProtocol), problems: z.array(z.string()) })),
    /** Saves (or replaces, by id) one of the user's protocols; refused with every schema problem listed. */
    save: method(z.tuple([z.unknown()]), HangingProtocol),
    /** Removes one of the user's protocols. */
    remove: method(z.tuple([z.string().min(1)]), z.void()),
  },
  imports: {
    /**
     * Imports DICOM files, folders (recursively) and DICOMDIRs (CD, USB stick) from paths on this
     * machine into the local archive. Progress arrives as `importProgress` events; the summary
     * says what was skipped and why.
     */
    importPaths: method(z.tuple([z.array(z.string().min(1).max(4096)).min(1).max(1000)]), ImportSummary),
    /** Stops a running import; what was already imported stays. */
    cancelImport: method(z.tuple([z.string()]), z.void()),
  },
  // ── reading service (issue 6) goes here ──
  reading: {
    /** The study's reading session; creates it (unread) on first open. Never carries an AI result before the first read is signed. */
    open: method(z.tuple([SourceId, Uid, ReadingKind, ReportLanguage]), ReadingSession),
    /** The session if there is one. */
    get: method(z.tuple([Uid]), ReadingSession.nullable()),
    /** Autosaves the first-read draft; refused when `revision` is stale (another window saved since). */
    saveDraft: method(z.tuple([Uid, z.number().int().nonnegative(), ReaderReport]), ReadingSession),
    /** Signs the first read (every required item filled, or INVALID_ARGUMENT naming what is missing). */
    signFirstRead: method(z.tuple([Uid, z.number().int().nonnegative(), ReaderName]), ReadingSession),
    /** After signing only: fetches the AI read, compares it per breast / per finding, lists the discordances. */
    reveal: method(z.tuple([Uid]), ReadingSession),
    /** The reader's verdict on an AI finding: agree, disagree, or a false-positive mark on the image. */
    recordFeedback: method(z.tuple([Uid, AiFeedback]), ReadingSession),
    /** Confirms the first read, revises it with a reason, or (no AI result) finalises without it; then queues the SR, CAD SR, heatmaps and PDF to the PACS. */
    finalize: method(z.tuple([Uid, FinalDecision, ReaderName]), ReadingSession),
    /** Queues a final report again when queuing failed (e.g. no PACS was configured then). */
    queue: method(z.tuple([Uid]), ReadingSession),
    /** Every audited transition of the study, oldest first. */
    auditLog: method(z.tuple([Uid]), z.array(AuditEntry)),
    /** The signed reports and AI reads stored as SR objects in the PACS (or the local archive). */
    readBack: method(z.tuple([SourceId, Uid]), ReadBack),
  },

  outbox: {
    /** Everything waiting for, being sent to, or sent to a PACS, newest first. */
    list: method(z.tuple([]), z.array(OutboxItem)),
    /** Sends one item (or every waiting item) now instead of at its next retry. */
    retryNow: method(z.tuple([z.string().optional()]), z.void()),
  },
  // ── models and inference services (issue 5) go here ──
  models: {
    /** Every verified, installed model pack (built-in packs first). */
    listPacks: method(z.tuple([]), z.array(InstalledPack)),
    /** Packs found on disk at start that failed verification (e.g. weights changed), with the reason. */
    listRefusedPacks: method(z.tuple([]), z.array(RefusedPack)),
    /**
     * Verifies and installs a pack from a folder or .zip on this machine. A pack that fails any
     * check (schema, file hashes, signature, graph inputs/outputs) is refused with PACK_REFUSED
     * and the reason; nothing is installed then.
     */
    importPack: method(z.tuple([z.string().min(1).max(4096)]), InstalledPack),
    /** Uninstalls an imported pack (built-in packs cannot be removed); cached results stay readable. */
    removePack: method(z.tuple([PackId]), z.void()),
    /** One installed pack: its manifest, card and operating points. */
    getPack: method(z.tuple([PackId]), InstalledPack),
    /** The bytes of one file of a pack (the ONNX graph, for the renderer's worker). */
    readPackFile: binaryMethod(z.tuple([PackId, z.string().min(1).max(300)])),
  },
  inference: {
    /**
     * Runs a pack (default: the first installed pack that accepts the study) on an archived study
     * with the native backend. Progress arrives as `inferenceProgress` events; a cached result
     * for the same (study, pack id, pack version) is reused.
     */
    start: method(z.tuple([Uid, PackId.optional()]), InferenceJob),
    /** Stops a job between views (a no-op once it has ended); nothing is cached for it. */
    cancel: method(z.tuple([z.string()]), z.void()),
    /**
     * The cached result of a study with a pack (default: the newest result of any pack), or null.
     * Refused with AI_SEALED while the reading session keeps the study's AI sealed.
     */
    getResult: method(z.tuple([Uid, PackId.optional()]), StudyAiResult.nullable()),
    /** Caches a result computed in the renderer's worker (WebGPU / WASM). */
    storeResult: method(z.tuple([StudyAiResult]), z.void()),
    /**
     * Times the native backend on the shared synthetic input for the pack: milliseconds per view
     * (default: a warm-up and 5 runs; the renderer's calibration asks for turns of its own).
     */
    calibrateNode: method(z.tuple([PackId, NodeTimingRequest.optional()]), NodeCalibration),
  },

  system: {
    getInfo: method(z.tuple([]), SystemInfo),
  },
} as const;

/** Events pushed from the services to the renderer. */
export const events = {
  retrieveProgress: event(RetrieveProgress),
  settingsChanged: event(Settings),
  importProgress: event(ImportProgress),
  reachabilityChanged: event(PacsReachability),
  outboxChanged: event(z.array(OutboxItem)),
  // ── inference events (issue 5) go here ──
  inferenceProgress: event(InferenceProgress),
  /** A reading session changed state (e.g. queued → sent when the outbox delivered it). */
  readingChanged: event(ReadingChange),
} as const;

export type Contract = typeof contract;
export type Events = typeof events;
export type ServiceName = keyof Contract;
