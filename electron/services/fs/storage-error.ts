import { ServiceError } from '../../../shared/ipc/errors';

/** Maps a file-system failure to an error a clinic's IT person can act on. */
export function storageError(err: unknown, what: string): ServiceError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ServiceError('STORAGE_FULL', `The disk is full while ${what}. Free some space on the data drive and try again; nothing was lost.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ServiceError('STORAGE_ERROR', `Tandem may not write to its data folder while ${what} (${code}). Check the folder's permissions.`);
  }
  return new ServiceError('STORAGE_ERROR', `A storage error occurred while ${what}${code ? ` (${code})` : ''}.`);
}
