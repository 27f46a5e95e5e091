import { z } from 'zod';
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
    /** The Part 10 bytes of one archived instance, in its stored transfer syntax. */
    readInstance: binaryMethod(z.tuple([InstanceRef])),
  },
  system: {
    getInfo: method(z.tuple([]), SystemInfo),
  },
} as const;

/** Events pushed from the services to the renderer. */
export const events = {
  retrieveProgress: event(RetrieveProgress),
  settingsChanged: event(Settings),
} as const;

export type Contract = typeof contract;
export type Events = typeof events;
export type ServiceName = keyof Contract;
