import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  mode: 'after-reveal' | 'without-ai';
  revising: boolean;
  onConfirm(): void;
  onStartRevise(): void;
  onCancelRevise(): void;
  onSubmit(reason: string): void;
}

/** Ends the double read: confirm the first read, or revise it (or finalise without AI) with a stated reason. */
export function FinalBar({ mode, revising, onConfirm, onStartRevise, onCancelRevise, onSubmit }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const asking = revising || mode === 'without-ai';
  return (
    <div className="report-final">
      {mode === 'after-reveal' && !revising && (
        <div className="report-row">
          <button type="button" data-testid="confirm-first-read" onClick={onConfirm}>
            {t('confirm')}
          </button>
          <button type="button" data-testid="revise" onClick={onStartRevise}>
            {t('revise')}
          </button>
        </div>
      )}
      {asking && (
        <>
          <label className="report-choice report-text">
            <span>{t(mode === 'without-ai' ? 'withoutAiReason' : 'reviseReason')}</span>
            <textarea data-testid="revise-reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="report-row">
            <button type="button" data-testid={mode === 'without-ai' ? 'finalize-without-ai' : 'sign-revised'} disabled={reason.trim().length < 3} onClick={() => onSubmit(reason.trim())}>
              {t(mode === 'without-ai' ? 'withoutAi' : 'sendRevised')}
            </button>
            {revising && (
              <button type="button" onClick={onCancelRevise}>
                {t('cancel')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
