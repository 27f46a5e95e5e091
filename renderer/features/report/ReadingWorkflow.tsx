import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import type { StudySummary } from '../../../shared/domain/study';
import { describeFinding } from '../../../shared/report/report-narrative';
import type { BreastSide } from '../../../shared/report/mammo-report';
import type { ReaderReport } from '../../../shared/report/reader-report';
import type { AiFeedback, ReadingKind } from '../../../shared/report/reading-session';
import { isRevealed } from '../../../shared/report/reading-state';
import { AiPanel } from './AiPanel';
import { ChestEditor } from './ChestEditor';
import { DiscordanceList } from './DiscordanceList';
import { FinalBar } from './FinalBar';
import { pickImagePoint } from './imagePlacement';
import { MammoEditor } from './MammoEditor';
import { PlacedMarks, type PlacedMark } from './PlacedMarks';
import { useReadingSession } from './useReadingSession';

const READER_KEY = 'tandem.readerName';

interface Props {
  summary: StudySummary;
  kind: ReadingKind;
  uiLanguage: Language;
  /** Told whether the AI read is revealed, so the viewer mounts AI controls and heatmaps only then. */
  onRevealedChange?: (revealed: boolean) => void;
}

/**
 * The double read, step by step: write and sign the first read (AI hidden), reveal the AI,
 * go through the discordances and give feedback, then confirm or revise with a reason.
 * Ctrl+Enter takes the current step's main action; Ctrl+Shift+A reveals the AI once signed.
 */
export function ReadingWorkflow({ summary, kind, uiLanguage, onRevealedChange }: Props) {
  const { t } = useTranslation();
  const reading = useReadingSession(summary, kind, uiLanguage);
  const [readerName, setReaderName] = useState(() => localStorage.getItem(READER_KEY) ?? '');
  const [revision, setRevision] = useState<ReaderReport>();
  const [placing, setPlacing] = useState(false);
  const { session, draft } = reading;
  const revealedNow = session ? isRevealed(session.state) : false;
  useEffect(() => onRevealedChange?.(revealedNow), [revealedNow, onRevealedChange]);
  if (!session || !draft) return reading.error ? <p role="alert" data-testid="report-error">{reading.error.message}</p> : null;

  const drafting = session.state === 'unread' || session.state === 'first-read-draft';
  const revealed = isRevealed(session.state);
  const decided = session.final !== undefined;
  const shown = revision ?? (drafting ? draft : session.final?.report ?? session.firstRead?.report ?? draft);
  const editable = drafting || (revision !== undefined && !decided);
  const change = (r: ReaderReport) => (revision ? setRevision(r) : reading.edit(r));
  const name = readerName.trim();
  const sign = () => {
    localStorage.setItem(READER_KEY, name);
    void reading.sign(name);
  };
  const submitRevision = (reason: string) => revision && void reading.finalize({ decision: 'revise', reason, report: revision }, name || (session.firstRead?.signed.by ?? '')).then(() => setRevision(undefined));
  const place = async (_side: BreastSide) => {
    setPlacing(true);
    try {
      return await pickImagePoint();
    } finally {
      setPlacing(false);
    }
  };
  const findingMarks: PlacedMark[] =
    shown.kind === 'mammo'
      ? (['R', 'L'] as const).flatMap((side) => shown.breasts[side].findings.filter((f) => f.location.point).map((f) => ({ id: f.id, label: describeFinding(f, shown.language).split(';')[0] ?? f.type, point: f.location.point! })))
      : [];
  const falsePositiveMarks: PlacedMark[] = session.feedback.flatMap((f, i) => (f.verdict === 'false-positive' && f.point ? [{ id: `fp-${i}`, label: t('falsePositive'), point: f.point }] : []));
  const marks = [...findingMarks, ...falsePositiveMarks];
  // A false-positive verdict asks where on the image the AI was wrong (Escape records it without a place).
  const giveFeedback = async (f: AiFeedback) => {
    if (f.verdict !== 'false-positive') return reading.feedback(f);
    setPlacing(true);
    try {
      const point = await pickImagePoint();
      await reading.feedback(point ? { ...f, point } : f);
    } finally {
      setPlacing(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'a' && session.state === 'first-read-signed') {
      e.preventDefault();
      void reading.reveal();
    } else if (e.ctrlKey && e.key === 'Enter') {
      e.preventDefault();
      if (drafting && name) sign();
      else if (session.state === 'first-read-signed') void reading.reveal();
      else if (session.state === 'discordances-listed' && !revision) void reading.finalize({ decision: 'confirm' }, name || (session.firstRead?.signed.by ?? ''));
    }
  };

  return (
    <div className="report-workflow" onKeyDown={onKeyDown} data-testid="reading-workflow">
      <header className="report-header">
        <h3>{t(kind === 'mammo' ? 'kindMammo' : 'kindChest')}</h3>
        <span className="report-state" data-testid="reading-state" data-state={session.state}>
          {t(`state.${session.state}`)}
        </span>
        {drafting && <span className="report-saving">{reading.saving ? t('saving') : session.state === 'first-read-draft' ? t('saved') : ''}</span>}
      </header>
      {reading.error && (
        <p role="alert" className="report-error" data-testid="report-error" onClick={reading.clearError}>
          {reading.error.message}
        </p>
      )}
      <label className="report-choice">
        <span>{t('reportLanguage')}</span>
        <select data-testid="report-language" value={shown.language} disabled={!editable} onChange={(e) => change({ ...shown, language: e.target.value as ReaderReport['language'] })}>
          <option value="en">English</option>
          <option value="ru">Русский</option>
        </select>
      </label>
      {placing && <p className="report-hint" role="status">{t('placing')}</p>}
      {shown.kind === 'mammo' ? <MammoEditor report={shown} disabled={!editable} onChange={change} onPlace={place} /> : <ChestEditor report={shown} disabled={!editable} onChange={change} />}
      <PlacedMarks marks={marks} />
      {drafting && (
        <div className="report-sign">
          <label className="report-choice">
            <span>{t('readerName')}</span>
            <input data-testid="reader-name" value={readerName} maxLength={64} onChange={(e) => setReaderName(e.target.value)} />
          </label>
          <button type="button" data-testid="sign-first-read" disabled={!name} onClick={sign}>
            {t('sign')}
          </button>
          <p className="report-hint">{t('signHint')}</p>
        </div>
      )}
      {session.firstRead && <p data-testid="signed-by">{t('signedBy', { name: session.firstRead.signed.by })}</p>}
      {session.state === 'first-read-signed' && (
        <>
          <button type="button" data-testid="reveal-ai" onClick={() => void reading.reveal()} title={t('revealHint')}>
            {t('reveal')}
          </button>
          {reading.error?.code === 'NOT_FOUND' && <FinalBar mode="without-ai" revising={false} onConfirm={() => undefined} onStartRevise={() => undefined} onCancelRevise={() => undefined} onSubmit={(reason) => void reading.finalize({ decision: 'without-ai', reason }, name || session.firstRead!.signed.by)} />}
        </>
      )}
      {revealed && session.ai && (
        <>
          <AiPanel ai={session.ai} />
          <DiscordanceList comparisons={session.comparisons ?? []} ai={session.ai} feedback={session.feedback} disabled={decided} onFeedback={(f) => void giveFeedback(f)} />
        </>
      )}
      {session.state === 'discordances-listed' && (
        <FinalBar
          mode="after-reveal"
          revising={revision !== undefined}
          onConfirm={() => void reading.finalize({ decision: 'confirm' }, name || session.firstRead!.signed.by)}
          onStartRevise={() => setRevision(session.firstRead!.report)}
          onCancelRevise={() => setRevision(undefined)}
          onSubmit={submitRevision}
        />
      )}
      {session.final?.reason && <p data-testid="final-reason">{t('revisedBecause', { reason: session.final.reason })}</p>}
    </div>
  );
}
