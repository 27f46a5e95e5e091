import { useEffect, useState } from 'react';
import type { InstanceRef } from '../../../shared/domain/study';
import { useApi } from '../../app/api-context';
import { part10ImageId, registerPart10 } from '../../imaging/part10';

/**
 * The cornerstone imageId of an archived instance, loading its bytes from the archive the first
 * time. Stages that show the same image again reuse the registration.
 */
export function usePart10ImageId(ref: InstanceRef): { imageId?: string; error?: string } {
  const api = useApi();
  const [state, setState] = useState<{ imageId?: string; error?: string }>(() => ({ imageId: part10ImageId(ref.sopInstanceUID) }));
  useEffect(() => {
    const known = part10ImageId(ref.sopInstanceUID);
    if (known) return setState({ imageId: known });
    let current = true;
    api.studies.readInstance(ref).then(
      (bytes) => current && setState({ imageId: registerPart10(bytes, ref.sopInstanceUID) }),
      (err: unknown) => current && setState({ error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [api, ref.studyInstanceUID, ref.seriesInstanceUID, ref.sopInstanceUID]);
  return state;
}
