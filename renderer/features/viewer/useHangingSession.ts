import { useEffect, useState } from 'react';
import { imageAttributesFromDicomJson, type ImageAttributes } from '../../../shared/hanging/image-attributes';
import type { HungProtocol } from '../../../shared/hanging/hung-layout';
import { chooseProtocol, hang } from '../../../shared/hanging/matcher';
import { LOCAL_SOURCE_ID, type LocalStudy } from '../../../shared/domain/study';
import { toErrorData, type ErrorData } from '../../../shared/ipc/errors';
import { useApi } from '../../app/api-context';

/** How many earlier studies of the patient are offered to the protocol as priors. */
const MAX_PRIORS = 2;

export type HangingState = { status: 'pending' } | { status: 'ready'; hung: HungProtocol } | { status: 'error'; error: ErrorData };

/**
 * Hangs a study: reads its headers and those of the patient's earlier studies of the same
 * modality from the local archive, chooses the best protocol and lays out its stages.
 */
export function useHangingSession(study: LocalStudy | undefined): HangingState {
  const api = useApi();
  const [state, setState] = useState<HangingState>({ status: 'pending' });
  // A prior arriving in the background (it is fetched after the current study) re-hangs.
  const [generation, setGeneration] = useState(0);
  useEffect(
    () =>
      api.events.on('retrieveProgress', (p) => {
        if (p.total > 0 && p.completed === p.total && p.studyInstanceUID !== study?.study.studyInstanceUID) setGeneration((g) => g + 1);
      }),
    [api, study],
  );
  useEffect(() => {
    if (!study) return;
    let current = true;
    const load = async () => {
      const attributes = (headers: unknown[]) => headers.map((h) => imageAttributesFromDicomJson(h as never));
      const currentImages = attributes(await api.studies.readInstanceHeaders(study.study.studyInstanceUID));
      const modality = study.study.modalitiesInStudy.find((m) => m === 'MG' || m === 'CR' || m === 'DX');
      const earlier = study.study.patientID
        ? (await api.worklist.searchForStudies(LOCAL_SOURCE_ID, { patientID: study.study.patientID, modality, studyDateTo: study.study.studyDate || undefined, limit: 20, offset: 0 })).studies
            .filter((s) => s.studyInstanceUID !== study.study.studyInstanceUID)
            .slice(0, MAX_PRIORS)
        : [];
      const priors: ImageAttributes[][] = [];
      for (const prior of earlier) priors.push(attributes(await api.studies.readInstanceHeaders(prior.studyInstanceUID)));
      const { builtIn, user } = await api.protocols.list();
      // The user's own protocols come first, so they win a tie; one with a built-in's id replaces it.
      const protocols = [...user, ...builtIn.filter((p) => !user.some((u) => u.id === p.id))];
      const protocol = chooseProtocol(currentImages, priors, protocols);
      return hang(protocol, currentImages, priors);
    };
    load().then(
      (hung) => current && setState({ status: 'ready', hung }),
      (err: unknown) => current && setState({ status: 'error', error: toErrorData(err) }),
    );
    return () => {
      current = false;
    };
  }, [api, study, generation]);
  return state;
}
