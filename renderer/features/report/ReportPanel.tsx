import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import type { StudySummary } from '../../../shared/domain/study';
import type { ReadBack } from '../../../shared/report/read-back';
import type { ReadingKind } from '../../../shared/report/reading-session';
import { useApi } from '../../app/api-context';
import { createReportI18n } from './reportI18n';
import { ReadingWorkflow } from './ReadingWorkflow';
import { ReadBackView } from './ReadBackView';
import './report.css';

/** Which report a study gets: BI-RADS for mammography, the chest checklist for CR/DX. */
export function readingKindOf(summary: StudySummary): ReadingKind | undefined {
  if (summary.modalitiesInStudy.includes('MG')) return 'mammo';
  if (summary.modalitiesInStudy.some((m) => m === 'CR' || m === 'DX')) return 'chest';
  return undefined;
}

/**
 * The report beside the viewer. A study already reported in the PACS shows that report and its
 * AI read; otherwise the reader's own double read starts, blinded until the first read is signed.
 */
export function ReportPanel({ summary, onRevealedChange }: { summary: StudySummary; onRevealedChange?: (revealed: boolean) => void }) {
  const api = useApi();
  const [language, setLanguage] = useState<Language>();
  const [found, setFound] = useState<ReadBack | 'none'>();
  useEffect(() => {
    void api.settings.get().then((s) => setLanguage(s.language), () => setLanguage('en'));
    return api.events.on('settingsChanged', (s) => setLanguage(s.language));
  }, [api]);
  useEffect(() => {
    let live = true;
    // A study this workstation is already reading goes straight to its session.
    void api.reading
      .get(summary.studyInstanceUID)
      .then((own) => (own && own.state !== 'unread' ? undefined : api.reading.readBack(summary.sourceId, summary.studyInstanceUID)))
      .then(
        (back) => live && setFound(back && back.reports.some((r) => r.verified) ? back : 'none'),
        () => live && setFound('none'),
      );
    return () => {
      live = false;
    };
  }, [api, summary.sourceId, summary.studyInstanceUID]);
  // A report signed elsewhere is already past the blind read: its AI read may be shown.
  useEffect(() => {
    if (found && found !== 'none') onRevealedChange?.(true);
  }, [found, onRevealedChange]);
  const i18n = useMemo(() => (language ? createReportI18n(language) : undefined), [language]);
  const kind = readingKindOf(summary);
  if (!kind || !i18n || !language || !found) return null;
  return (
    <I18nextProvider i18n={i18n}>
      <aside className="report-panel" data-testid="report-panel" lang={language}>
        {found === 'none' ? <ReadingWorkflow summary={summary} kind={kind} uiLanguage={language} onRevealedChange={onRevealedChange} /> : <ReadBackView found={found} />}
      </aside>
    </I18nextProvider>
  );
}
