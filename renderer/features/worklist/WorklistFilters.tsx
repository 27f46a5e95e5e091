import { useState, type FormEvent } from 'react';
import { WorklistModality, type StudyQuery } from '../../../shared/domain/study';
import { toDicomDate } from '../../app/format';
import { useT } from '../../app/i18n';

interface Props {
  onSearch(filters: StudyQuery): void;
}

/** The QIDO-RS filters a reader uses: name, ID, accession, date range, modality, description. */
export function WorklistFilters({ onSearch }: Props) {
  const t = useT();
  const [fields, setFields] = useState({ patientName: '', patientID: '', accessionNumber: '', from: '', to: '', modality: '', studyDescription: '' });
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const modality = WorklistModality.safeParse(fields.modality);
    onSearch({
      patientName: fields.patientName.trim() || undefined,
      patientID: fields.patientID.trim() || undefined,
      accessionNumber: fields.accessionNumber.trim() || undefined,
      studyDateFrom: toDicomDate(fields.from),
      studyDateTo: toDicomDate(fields.to),
      modality: modality.success ? modality.data : undefined,
      studyDescription: fields.studyDescription.trim() || undefined,
    });
  };
  return (
    <form className="worklist-filters" onSubmit={submit} aria-label="Worklist filters">
      <label>
        {t('worklist.patientName')}
        <input name="patientName" value={fields.patientName} onChange={set('patientName')} autoComplete="off" />
      </label>
      <label>
        {t('worklist.patientID')}
        <input name="patientID" value={fields.patientID} onChange={set('patientID')} autoComplete="off" />
      </label>
      <label>
        {t('worklist.accession')}
        <input name="accessionNumber" value={fields.accessionNumber} onChange={set('accessionNumber')} autoComplete="off" />
      </label>
      <label>
        {t('worklist.dateFrom')}
        <input type="date" name="from" value={fields.from} onChange={set('from')} />
      </label>
      <label>
        {t('worklist.dateTo')}
        <input type="date" name="to" value={fields.to} onChange={set('to')} />
      </label>
      <label>
        {t('worklist.modality')}
        <select name="modality" value={fields.modality} onChange={set('modality')}>
          <option value="">{t('worklist.anyModality')}</option>
          {WorklistModality.options.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('worklist.description')}
        <input name="studyDescription" value={fields.studyDescription} onChange={set('studyDescription')} autoComplete="off" />
      </label>
      <button type="submit">{t('worklist.search')}</button>
    </form>
  );
}
