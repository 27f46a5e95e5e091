import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { StudySummary } from '../../../shared/domain/study';
import { DEFAULT_STUDY_SORT, sortStudies, type StudySort, type StudySortKey } from '../../../shared/domain/study-sort';
import type { MessageKey } from '../../app/i18n';
import { formatDicomDate, formatPatientName } from '../../app/format';
import { useT } from '../../app/i18n';
import { LocalStatusCell } from './LocalStatusCell';

interface Props {
  studies: StudySummary[];
  onOpen(study: StudySummary): void;
}

const COLUMNS: [StudySortKey, MessageKey, string?][] = [
  ['patientName', 'worklist.patientName'],
  ['patientID', 'worklist.patientID'],
  ['studyDate', 'worklist.date'],
  ['modality', 'worklist.modality'],
  ['studyDescription', 'worklist.description'],
  ['accessionNumber', 'worklist.accession'],
  ['images', 'worklist.images', 'num'],
  ['localStatus', 'worklist.status'],
];

/** The worklist: arrow keys move, Enter or a double click opens, a column header sorts. */
export function WorklistTable({ studies: unsorted, onOpen }: Props) {
  const t = useT();
  const [sort, setSort] = useState<StudySort>(DEFAULT_STUDY_SORT);
  const studies = useMemo(() => sortStudies(unsorted, sort), [unsorted, sort]);
  const [selected, setSelected] = useState(0);
  useEffect(() => setSelected(0), [unsorted]);
  const sortBy = (key: StudySortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key === 'studyDate' }));

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
          {COLUMNS.map(([key, label, className]) => (
            <th key={key} className={className} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" className="sort" onClick={() => sortBy(key)}>
                {t(label)}
                {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
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
