import type { OutboxItem } from '../../../shared/domain/outbox';
import type { ServiceImpl } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import { compareWithAi, isDiscordant } from '../../../shared/report/discordance';
import { DEFAULT_DISCORDANCE_RULES, type DiscordanceRules } from '../../../shared/report/discordance-rules';
import type { ReadBack } from '../../../shared/report/read-back';
import { missingForSigning, ReaderReport, type ReaderReportInput } from '../../../shared/report/reader-report';
import { emptyChestReport } from '../../../shared/report/chest-report';
import { emptyMammoReport } from '../../../shared/report/mammo-report';
import { AiFeedback, FinalDecision, type AuditEntry, type FinalDecisionInput, type ReadingChange, type ReadingKind, type ReadingSession } from '../../../shared/report/reading-session';
import { isFirstReadSigned, nextState, type ReadingAction, type ReadingState } from '../../../shared/report/reading-state';
import type { ReportLanguage } from '../../../shared/report/report-language';
import { storageError } from '../fs/storage-error';
import type { AiResultSource } from './ai-result-source';
import type { AuditLog } from './audit-log';
import type { ReadingStateSource } from './reveal-policy';
import type { SessionStore } from './session-store';

/** A batch of Part 10 objects for one outbox item. */
export interface OutboxBatch {
  kind: 'report-sr' | 'cad-sr' | 'heatmap' | 'other';
  description: string;
  instances: Uint8Array[];
}

export interface ReadingDependencies {
  store: SessionStore;
  audit: AuditLog;
  ai: AiResultSource;
  /** The operating-system user, for audit lines written before a reader signs. */
  who: () => string;
  /** Builds the final SR, CAD SR, heatmap SC and PDF objects of a final session. */
  buildObjects(session: ReadingSession): Promise<OutboxBatch[]>;
  /** The PACS profile a study's report goes to (its source, or the default PACS). */
  destination(sourceId: string): Promise<string>;
  outbox: {
    enqueue(request: OutboxBatch & { profileId: string; studyInstanceUID: string }): Promise<OutboxItem>;
    list(): Promise<OutboxItem[]>;
  };
  readBack(sourceId: string, studyInstanceUID: string): Promise<ReadBack>;
  rules?: DiscordanceRules;
  now?: () => Date;
  /** Told of every committed change of a session (the composition root pushes it as `readingChanged`). */
  onChanged?: (change: ReadingChange) => void;
  /**
   * Called when a study's reading opens: the AI may start reading it in the background now, its
   * result staying sealed in this process until the first read is signed.
   */
  prepareAi?: (studyInstanceUID: string) => void;
}

/**
 * The double-reading session of each study, as an explicit state machine persisted in the data
 * folder. The order is enforced here, not in the UI: the AI result is fetched only by `reveal`,
 * which refuses until the first read is signed; every transition is written to the audit log
 * before it is acknowledged.
 */
export class ReadingService implements ServiceImpl<'reading'>, ReadingStateSource {
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Studies whose report is not yet in the outbox: their images must stay in the archive. */
  private readonly unsent = new Set<string>();
  private loaded: Promise<void> | undefined;

  constructor(private readonly deps: ReadingDependencies) {}

  /** Loads which sessions are still being read (call once at start-up). */
  start(): Promise<void> {
    this.loaded ??= this.deps.store.all().then(
      (sessions) => sessions.forEach((s) => this.track(s)),
      () => undefined,
    );
    return this.loaded;
  }

  /**
   * True while a study's report is being written or is final but not yet queued: the archive
   * must keep its images, which the SR, heatmaps and PDF are built from and refer to.
   */
  isReadingInProgress(studyInstanceUID: string): boolean {
    return this.unsent.has(studyInstanceUID);
  }

  private track(session: ReadingSession): void {
    if (session.state === 'queued' || session.state === 'sent' || session.state === 'unread') this.unsent.delete(session.studyInstanceUID);
    else this.unsent.add(session.studyInstanceUID);
  }

  async stateOf(studyInstanceUID: string): Promise<ReadingState | undefined> {
    return (await this.deps.store.load(studyInstanceUID))?.state;
  }

  async open(sourceId: string, studyInstanceUID: string, kind: ReadingKind, language: ReportLanguage): Promise<ReadingSession> {
    return this.serialised(studyInstanceUID, async () => {
      const existing = await this.load(studyInstanceUID);
      if (existing && existing.state !== 'unread') return existing;
      this.deps.prepareAi?.(studyInstanceUID);
      if (existing) return existing;
      const session: ReadingSession = {
        studyInstanceUID,
        sourceId,
        kind,
        state: 'unread',
        revision: 0,
        report: kind === 'mammo' ? emptyMammoReport(language) : emptyChestReport(language),
        feedback: [],
        updatedAt: this.now(),
      };
      return this.commit(session, 'open', this.deps.who(), `opened for a ${kind} read`);
    });
  }

  async get(studyInstanceUID: string): Promise<ReadingSession | null> {
    return (await this.load(studyInstanceUID)) ?? null;
  }

  async saveDraft(studyInstanceUID: string, revision: number, input: ReaderReportInput): Promise<ReadingSession> {
    return this.serialised(studyInstanceUID, async () => {
      const session = await this.required(studyInstanceUID);
      this.checkRevision(session, revision);
      const report = ReaderReport.parse(input);
      if (report.kind !== session.kind) throw new ServiceError('INVALID_ARGUMENT', `This study is read as ${session.kind}; a ${report.kind} report cannot be saved for it.`);
      return this.commit({ ...session, report }, 'save-draft', this.deps.who());
    });
  }

  async signFirstRead(studyInstanceUID: string, revision: number, readerName: string): Promise<ReadingSession> {
    return this.serialised(studyInstanceUID, async () => {
      const session = await this.required(studyInstanceUID);
      this.checkRevision(session, revision);
      const missing = missingForSigning(session.report);
      if (missing.length) throw new ServiceError('INVALID_ARGUMENT', `The first read cannot be signed yet: ${missing.map((m) => m.message).join(' ')}`);
      const signed = { by: readerName, at: this.now() };
      return this.commit({ ...session, firstRead: { report: session.report, signed } }, 'sign-first-read', readerName);
    });
  }

  async reveal(studyInstanceUID: string): Promise<ReadingSession> {
    return this.serialised(studyInstanceUID, async () => {
      const session = await this.required(studyInstanceUID);
      if (session.state === 'unread' || session.state === 'first-read-draft') {
        throw new ServiceError('INVALID_ARGUMENT', 'Sign your first read before the AI read is shown: the order of double reading protects your own judgement.');
      }
      if (session.state !== 'first-read-signed') return session;
      const ai = await this.deps.ai.getResult(studyInstanceUID);
      if (!ai) throw new ServiceError('NOT_FOUND', 'There is no AI read of this study yet. Wait for the analysis, or finalise the report without the AI and say why.');
      const who = session.firstRead?.signed.by ?? this.deps.who();
      const revealed = await this.commit({ ...session, ai }, 'reveal-ai', who, `${ai.pack.name} ${ai.pack.version} at operating point ${ai.operatingPoint.name}`);
      const comparisons = compareWithAi(session.firstRead?.report ?? session.report, ai, this.deps.rules ?? DEFAULT_DISCORDANCE_RULES);
      const discordant = comparisons.filter(isDiscordant).map((c) => c.id);
      return this.commit({ ...revealed, comparisons }, 'list-discordances', who, discordant.length ? `discordant: ${discordant.join(', ')}` : 'no discordance');
    });
  }

  async recordFeedback(studyInstanceUID: string, input: AiFeedback): Promise<ReadingSession> {
    return this.serialised(studyInstanceUID, async () => {
      const session = await this.required(studyInstanceUID);
      const feedback = AiFeedback.parse(input);
      const feedbackList = [...session.feedback.filter((f) => f.targetId !== feedback.targetId || feedback.verdict === 'false-positive'), feedback];
      return this.commit({ ...session, feedback: feedbackList }, 'record-feedback', session.firstRead?.signed.by ?? this.deps.who(), `${feedback.verdict} on ${feedback.targetId}`);
    });
  }

  async finalize(studyInstanceUID: string, input: FinalDecisionInput, readerName: string): Promise<ReadingSession> {
    const final = await this.serialised(studyInstanceUID, async () => {
      const session = await this.required(studyInstanceUID);
      const decision = FinalDecision.parse(input);
      const firstRead = session.firstRead;
      if (!firstRead) throw new ServiceError('INVALID_ARGUMENT', 'Sign the first read before finalising the report.');
      const signed = { by: readerName, at: this.now() };
      if (decision.decision === 'revise') {
        if (decision.report.kind !== session.kind) throw new ServiceError('INVALID_ARGUMENT', `A revised ${session.kind} report must stay a ${session.kind} report.`);
        const missing = missingForSigning(decision.report);
        if (missing.length) throw new ServiceError('INVALID_ARGUMENT', `The revised report is incomplete: ${missing.map((m) => m.message).join(' ')}`);
      }
      const report = decision.decision === 'revise' ? decision.report : firstRead.report;
      const action: ReadingAction = decision.decision === 'confirm' ? 'confirm' : decision.decision === 'revise' ? 'revise' : 'finalize-without-ai';
      const reason = decision.decision === 'confirm' ? undefined : decision.reason;
      return this.commit({ ...session, report, final: { decision: decision.decision, reason, report, signed } }, action, readerName, reason ? `reason: ${reason}` : undefined);
    });
    return this.queue(final.studyInstanceUID);
  }

  async queue(studyInstanceUID: string): Promise<ReadingSession> {
    return this.serialised(studyInstanceUID, async () => {
      const session = await this.required(studyInstanceUID);
      if (session.state === 'queued' || session.state === 'sent') return session;
      if (session.state !== 'final') throw new ServiceError('INVALID_ARGUMENT', 'Only a final report can be sent to the PACS.');
      const profileId = await this.deps.destination(session.sourceId);
      const batches = await this.deps.buildObjects(session);
      // Each batch is durable in the outbox before the session records it; a crash between two
      // enqueues leaves the session final, and queuing again rebuilds the same UIDs (the outbox
      // and the PACS then see the same instances, never duplicates).
      const itemIds: string[] = [];
      for (const batch of batches) {
        const item = await this.deps.outbox.enqueue({ ...batch, profileId, studyInstanceUID });
        itemIds.push(item.id);
      }
      return this.commit({ ...session, outbox: { profileId, itemIds } }, 'queue', session.final?.signed.by ?? this.deps.who(), `${batches.reduce((n, b) => n + b.instances.length, 0)} objects to ${profileId}`);
    });
  }

  async auditLog(studyInstanceUID: string): Promise<AuditEntry[]> {
    return this.deps.audit.entries(studyInstanceUID);
  }

  /**
   * The signed reports and AI reads already in the PACS. The AI part is withheld unless the
   * study has a signed report there or this workstation's first read is signed, so a read-back
   * can never unblind a first read.
   */
  async readBack(sourceId: string, studyInstanceUID: string): Promise<ReadBack> {
    const found = await this.deps.readBack(sourceId, studyInstanceUID);
    const own = await this.load(studyInstanceUID);
    const readElsewhere = found.reports.some((r) => r.verified);
    const signedHere = own !== undefined && isFirstReadSigned(own.state);
    return readElsewhere || signedHere ? found : { ...found, cad: [] };
  }

  /** Moves queued sessions whose outbox items are all sent to `sent` (called on outbox changes). */
  async onOutboxChanged(items: readonly OutboxItem[]): Promise<void> {
    const sent = new Set(items.filter((i) => i.status === 'sent').map((i) => i.id));
    const sessions = await this.deps.store.all();
    for (const s of sessions) {
      if (s.state !== 'queued' || !s.outbox || !s.outbox.itemIds.every((id) => sent.has(id))) continue;
      await this.serialised(s.studyInstanceUID, async () => {
        const current = await this.required(s.studyInstanceUID);
        if (current.state !== 'queued') return current;
        return this.commit(current, 'sent', this.deps.who(), `stored in ${current.outbox?.profileId ?? 'the PACS'}`);
      });
    }
  }

  private async commit(session: ReadingSession, action: ReadingAction, who: string, detail?: string): Promise<ReadingSession> {
    const to = nextState(session.state, action);
    if (!to) throw new ServiceError('INVALID_ARGUMENT', `A report that is ${session.state.replace(/-/g, ' ')} cannot be changed that way (${action.replace(/-/g, ' ')}).`);
    const next: ReadingSession = { ...session, state: to, revision: session.revision + (action === 'open' ? 0 : 1), updatedAt: this.now() };
    try {
      // Drafts change many times a minute: the audit records the first draft and each signature, not every keystroke.
      if (!(action === 'save-draft' && session.state === 'first-read-draft')) {
        await this.deps.audit.append({ at: next.updatedAt, who, studyInstanceUID: session.studyInstanceUID, action, from: session.state, to, detail });
      }
      await this.deps.store.save(next);
    } catch (err) {
      throw storageError(err, 'saving the report');
    }
    this.track(next);
    this.deps.onChanged?.({ studyInstanceUID: next.studyInstanceUID, state: next.state, revision: next.revision });
    return next;
  }

  private async load(studyInstanceUID: string): Promise<ReadingSession | undefined> {
    try {
      return await this.deps.store.load(studyInstanceUID);
    } catch (err) {
      throw storageError(err, 'reading the saved report');
    }
  }

  private async required(studyInstanceUID: string): Promise<ReadingSession> {
    const session = await this.load(studyInstanceUID);
    if (!session) throw new ServiceError('NOT_FOUND', 'This study has no reading session; open it for reading first.');
    return session;
  }

  private checkRevision(session: ReadingSession, revision: number): void {
    if (revision !== session.revision) {
      throw new ServiceError('INVALID_ARGUMENT', 'The report was changed elsewhere since this copy was loaded (another window?). Reload it before saving.');
    }
  }

  private serialised<T>(studyInstanceUID: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(studyInstanceUID) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    this.locks.set(studyInstanceUID, settled);
    void settled.then(() => {
      if (this.locks.get(studyInstanceUID) === settled) this.locks.delete(studyInstanceUID);
    });
    return run;
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
