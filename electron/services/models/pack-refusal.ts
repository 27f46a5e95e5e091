import { ServiceError } from '../../../shared/ipc/errors';

/** A pack failed a check; the message names the check and what to do. */
export function packRefused(reason: string): ServiceError {
  return new ServiceError('PACK_REFUSED', `The model pack was refused: ${reason}`);
}
