import { useEffect, useState, type KeyboardEvent } from 'react';
import type { StudySummary } from '../../../shared/domain/study';
import { formatDicomDate, formatPatientName } from '../../app/format';
import { useT } from '../../app/i18n';
import { LocalStatusCell } from './LocalStatusCell';

interface Props {
  studies: StudySummary[];
  onOpen(study: StudySummary): void;
}

/** The worklist: arrow keys move, Enter or a double click opens. */
export function WorklistTable({ studies, onOpen }: Props) {
  const t = useT();
  const [selected, setSelected] = useState(0);
  useEffect(() => setSelected(0), [studies]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setSelected((i) => Math.min(studies.length - 1, i + 1));
    else if (e.key === 'ArrowUp') setSelected((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter' && studies[selected]) onOpen(studies[selected]);
    else return;
    e.preventDefault();
  };

  return (
    <table className="worklist" tabIndex={0} onKeyDown={onKeyDown} aria-label="Worklist">
      <thead>
        <tr>
          <th>{t('worklist.patientName')}</th>
          <th>{t('worklist.patientID')}</th>
          <th>{t('worklist.date')}</th>
          <th>{t('worklist.modality')}</th>
          <th>{t('worklist.description')}</th>
          <th>{t('worklist.accession')}</th>
          <th className="num">{t('worklist.images')}</th>
          <th>{t('worklist.status')}</th>
        </tr>
      </thead>
      <tbody>
        {studies.map((study, index) => (
          <tr
            key={`${study.sourceId}:${study.studyInstanceUID}`}
            data-testid="worklist-row"
            data-study-uid={study.studyInstanceUID}
            aria-selected={index === selected}
            className={index === selected ? 'selected' : undefined}
            onClick={() => setSelected(index)}
            onDoubleClick={() => onOpen(study)}
          >
            <td data-col="patient">{formatPatientName(study.patientName)}</td>
            <td data-col="patient-id">{study.patientID}</td>
            <td data-col="date">{formatDicomDate(study.studyDate)}</td>
            <td data-col="modality">{study.modalitiesInStudy.join(', ')}</td>
            <td data-col="description">{study.studyDescription}</td>
            <td data-col="accession">{study.accessionNumber ?? ''}</td>
            <td className="num" data-col="images">{study.numberOfStudyRelatedInstances ?? ''}</td>
            <LocalStatusCell study={study} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
