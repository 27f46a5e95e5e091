import { useCallback, useEffect, useRef, useState } from 'react';
import type { InferenceBackend } from '../../../shared/domain/ai-result';
import type { ErrorData } from '../../../shared/ipc/errors';
import type { InstalledPack } from '../../../shared/models/installed-pack';
import { useApi } from '../../app/api-context';
import { startAiRun, type AiRun, type AiRunProgress } from '../../inference/aiRun';
import { chooseBackend } from '../../inference/chooseBackend';
import { setShownAiResult } from './aiResultStore';
import { describeAiError } from './describeAiError';

/** Where the AI reading of the open study is. */
export type AiReadingStatus =
  | { kind: 'idle' }
  | { kind: 'calibrating' }
  | { kind: 'running'; backend?: InferenceBackend; progress?: AiRunProgress }
  | { kind: 'error'; error: ErrorData }
  /** The result exists but the reading session keeps it sealed until the first read is signed. */
  | { kind: 'sealed'; message: string };

export interface AiReading {
  /** Installed packs that read this study's modalities. */
  packs: InstalledPack[];
  pack: InstalledPack | undefined;
  selectPack(id: string): void;
  status: AiReadingStatus;
  run(): void;
  cancel(): void;
}

/**
 * The AI second reader for one open study: the packs that can read it, the run (backend choice,
 * calibration on first use, progress, cancel) and the result, which is always read back through
 * `inference.getResult` into the shown-result store (issue 6 seals it there until the reader signs).
 */
export function useAiReading(studyInstanceUid: string, modalities: readonly string[]): AiReading {
  const api = useApi();
  const [packs, setPacks] = useState<InstalledPack[]>([]);
  const [packId, setPackId] = useState<string>();
  const [status, setStatus] = useState<AiReadingStatus>({ kind: 'idle' });
  const runRef = useRef<AiRun | undefined>(undefined);
  const abortRef = useRef<AbortController | undefined>(undefined);
  const modalityKey = modalities.join(',');

  useEffect(() => {
    let current = true;
    api.models.listPacks().then(
      (all) => {
        if (!current) return;
        const wanted = modalityKey.split(',');
        const usable = all.filter((p) => p.manifest.accepts.modalities.some((m) => wanted.includes(m)));
        setPacks(usable);
        setPackId((id) => (id && usable.some((p) => p.manifest.id === id) ? id : usable[0]?.manifest.id));
      },
      (err: unknown) => current && setStatus({ kind: 'error', error: describeAiError(err) }),
    );
    return () => {
      current = false;
    };
  }, [api, modalityKey]);

  const pack = packs.find((p) => p.manifest.id === packId);

  const showStoredResult = useCallback(async () => {
    if (!pack) return;
    const result = await api.inference.getResult(studyInstanceUid, pack.manifest.id);
    setShownAiResult(result && result.pack.version === pack.manifest.version ? result : undefined);
  }, [api, studyInstanceUid, pack]);

  useEffect(() => {
    // A result already cached for this study and pack version is shown at once.
    showStoredResult().catch((err: unknown) => setStatus(failureStatus(err)));
  }, [showStoredResult]);

  useEffect(
    () => () => {
      abortRef.current?.abort();
      runRef.current?.cancel();
      runRef.current = undefined;
      setShownAiResult(undefined);
    },
    [studyInstanceUid],
  );

  const run = useCallback(() => {
    if (!pack || abortRef.current) return;
    const manifest = pack.manifest;
    const abort = new AbortController();
    abortRef.current = abort;
    setStatus({ kind: 'running' });
    void (async () => {
      try {
        const backend = await chooseBackend(api, manifest, abort.signal, () => setStatus({ kind: 'calibrating' }));
        setStatus({ kind: 'running', backend });
        const aiRun = startAiRun(api, manifest, studyInstanceUid, backend, (progress) => setStatus({ kind: 'running', backend, progress }));
        runRef.current = aiRun;
        await aiRun.done;
        await showStoredResult();
        setStatus({ kind: 'idle' });
      } catch (err) {
        setStatus(failureStatus(err));
      } finally {
        runRef.current = undefined;
        abortRef.current = undefined;
      }
    })();
  }, [api, pack, studyInstanceUid, showStoredResult]);

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    runRef.current?.cancel();
  }, []);

  return { packs, pack, selectPack: setPackId, status, run, cancel };
}

/** A sealed result is the reading workflow at work, not a failure; anything else is an error. */
function failureStatus(err: unknown): AiReadingStatus {
  const error = describeAiError(err);
  return error.code === 'AI_SEALED' ? { kind: 'sealed', message: error.message } : { kind: 'error', error };
}
