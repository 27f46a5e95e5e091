import { ServiceError } from '../../../shared/ipc/errors';

/** What went wrong with one HTTP exchange, before it is explained to the user. */
export type HttpFailure =
  | { kind: 'status'; status: number }
  | { kind: 'timeout' }
  | { kind: 'network'; cause?: string }
  | { kind: 'not-dicomweb'; detail: string };

/**
 * Turns a failed exchange with a PACS into a message that says what happened and what to do.
 * `server` is the host the user configured, never a URL with query parameters (which could carry
 * patient names).
 */
export function explainFailure(failure: HttpFailure, server: string): ServiceError {
  switch (failure.kind) {
    case 'timeout':
      return new ServiceError('PACS_TIMEOUT', `${server} did not answer in time. Check the network link, or raise the profile's timeout.`);
    case 'network':
      return new ServiceError('PACS_UNREACHABLE', `Cannot reach ${server}${failure.cause ? ` (${failure.cause})` : ''}. Check that the PACS is running and the address is right; studies already in the local archive stay available.`);
    case 'not-dicomweb':
      return new ServiceError('PACS_NOT_DICOMWEB', `${server} answered, but not as a DICOMweb server (${failure.detail}). Check the QIDO/WADO/STOW URLs of the profile; they usually end in /dicom-web or /dicomweb.`);
    case 'status':
      return explainStatus(failure.status, server);
  }
}

function explainStatus(status: number, server: string): ServiceError {
  if (status === 401) return new ServiceError('PACS_AUTH_REQUIRED', `${server} refused the credentials (401). Check the user name and password or token in the PACS profile.`);
  if (status === 403) return new ServiceError('PACS_FORBIDDEN', `${server} denied access (403). Ask the PACS administrator to grant this account DICOMweb access.`);
  if (status === 404) return new ServiceError('PACS_NOT_FOUND', `${server} has no such resource (404). Check the profile's URLs, or the study may have been deleted from the PACS.`);
  if (status >= 500) return new ServiceError('PACS_SERVER_ERROR', `${server} had an internal error (${status}). Try again later or contact the PACS administrator.`);
  return new ServiceError('PACS_BAD_RESPONSE', `${server} answered with HTTP ${status}, which Tandem did not expect.`);
}
