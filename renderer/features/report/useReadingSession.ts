import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudySummary } from '../../../shared/domain/study';
import { toErrorData, type ErrorData } from '../../../shared/ipc/errors';
import type { ReaderReport } from '../../../shared/report/reader-report';
import type { AiFeedback, FinalDecisionInput, ReadingKind, ReadingSession } from '../../../shared/report/reading-session';
import type { ReportLanguage } from '../../../shared/report/report-language';
import { useApi } from '../../app/api-context';

const AUTOSAVE_MS = 500;
/** However fast the reader keeps typing, an edit is saved within this long. */
const AUTOSAVE_MAX_WAIT_MS = 2000;

export interface ReadingController {
  session?: ReadingSession;
  /** The draft as edited, ahead of the last save. */
  draft?: ReaderReport;
  saving: boolean;
  error?: ErrorData;
  edit(report: ReaderReport): void;
  sign(readerName: string): Promise<void>;
  reveal(): Promise<void>;
  feedback(f: AiFeedback): Promise<void>;
  finalize(decision: FinalDecisionInput, readerName: string): Promise<void>;
  clearError(): void;
}

/**
 * The reading session of the open study: opens it, autosaves the draft (debounced, one save at a
 * time, always against the latest revision) and runs the steps of the double read.
 */
export function useReadingSession(summary: StudySummary, kind: ReadingKind, language: ReportLanguage): ReadingController {
  const api = useApi();
  const uid = summary.studyInstanceUID;
  const [session, setSession] = useState<ReadingSession>();
  const [draft, setDraft] = useState<ReaderReport>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorData>();
  const latest = useRef<ReadingSession | undefined>(undefined);
  const pending = useRef<ReaderReport | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** When the oldest unsaved edit was made. */
  const unsavedSince = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const accept = useCallback((s: ReadingSession) => {
    // Answers may cross (a fetch prompted by readingChanged returning after a newer save's answer):
    // never step back to an older revision of the same study, or the next save would be refused.
    const known = latest.current;
    if (known && known.studyInstanceUID === s.studyInstanceUID && s.revision < known.revision) return;
    latest.current = s;
    setSession(s);
  }, []);

  useEffect(() => {
    let live = true;
    api.reading.open(summary.sourceId, uid, kind, language).then(
      (s) => {
        if (!live) return;
        accept(s);
        setDraft(s.report);
      },
      (err: unknown) => live && setError(toErrorData(err)),
    );
    return () => {
      live = false;
    };
  }, [api, uid, summary.sourceId, kind, language, accept]);

  // The service announces every change of a session (queued → sent once the outbox delivered it).
  useEffect(
    () =>
      api.events.on('readingChanged', (change) => {
        // This window's own saves come back with their answer; only news is fetched.
        const known = latest.current;
        if (change.studyInstanceUID !== uid || (known && known.revision === change.revision && known.state === change.state)) return;
        void api.reading.get(uid).then((s) => s && accept(s), () => undefined);
      }),
    [api, uid, accept],
  );

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const report = pending.current;
      const current = latest.current;
      if (!report || !current) return;
      pending.current = undefined;
      unsavedSince.current = undefined;
      setSaving(true);
      try {
        accept(await api.reading.saveDraft(uid, current.revision, report));
      } catch (err) {
        setError(toErrorData(err));
      } finally {
        setSaving(false);
      }
    });
    return chain.current;
  }, [api, uid, accept]);

  useEffect(() => () => void flush(), [flush]);

  const run = useCallback(async (step: () => Promise<ReadingSession>) => {
    try {
      accept(await step());
      setError(undefined);
    } catch (err) {
      setError(toErrorData(err));
    }
  }, [accept]);

  return {
    session,
    draft,
    saving,
    error,
    clearError: () => setError(undefined),
    edit(report) {
      setDraft(report);
      pending.current = report;
      // Saved once the reader pauses, and at the latest AUTOSAVE_MAX_WAIT_MS after the first unsaved edit.
      const now = Date.now();
      unsavedSince.current ??= now;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), Math.max(0, Math.min(AUTOSAVE_MS, unsavedSince.current + AUTOSAVE_MAX_WAIT_MS - now)));
    },
    async sign(readerName) {
      await flush();
      await run(() => api.reading.signFirstRead(uid, latest.current?.revision ?? 0, readerName));
    },
    reveal: () => run(() => api.reading.reveal(uid)),
    feedback: (f) => run(() => api.reading.recordFeedback(uid, f)),
    finalize: (decision, readerName) => run(() => api.reading.finalize(uid, decision, readerName)),
  };
}
