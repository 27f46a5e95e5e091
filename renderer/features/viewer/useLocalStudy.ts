import { useEffect, useState } from 'react';
import type { LocalStudy, RetrieveProgress, StudySummary } from '../../../shared/domain/study';
import { toErrorData, type ErrorData } from '../../../shared/ipc/errors';
import { useApi } from '../../app/api-context';

export type LocalStudyState =
  | { status: 'retrieving'; progress: RetrieveProgress | undefined }
  | { status: 'ready'; study: LocalStudy }
  | { status: 'error'; error: ErrorData };

/** Makes the study available in the local archive, reporting retrieval progress as it goes. */
export function useLocalStudy(summary: StudySummary): LocalStudyState {
  const api = useApi();
  const [state, setState] = useState<LocalStudyState>({ status: 'retrieving', progress: undefined });
  useEffect(() => {
    let current = true;
    setState({ status: 'retrieving', progress: undefined });
    const unsubscribe = api.events.on('retrieveProgress', (progress) => {
      if (current && progress.studyInstanceUID === summary.studyInstanceUID) setState({ status: 'retrieving', progress });
    });
    api.studies
      .retrieveStudy(summary.sourceId, summary.studyInstanceUID)
      .then((study) => current && setState({ status: 'ready', study }))
      .catch((err: unknown) => current && setState({ status: 'error', error: toErrorData(err) }));
    return () => {
      current = false;
      unsubscribe();
    };
  }, [api, summary.sourceId, summary.studyInstanceUID]);
  return state;
}
