import type { PacsProfile } from '../../../shared/domain/pacs-profile';

/** A profile plus its secret: everything needed to talk to one DICOMweb server. */
export interface PacsConnection {
  readonly profile: PacsProfile;
  readonly secret: string | undefined;
}

/** The Authorization header for a connection, if its auth kind needs one. */
export function authorizationHeader({ profile, secret }: PacsConnection): Record<string, string> {
  if (profile.auth === 'basic') {
    const token = Buffer.from(`${profile.username ?? ''}:${secret ?? ''}`, 'utf8').toString('base64');
    return { Authorization: `Basic ${token}` };
  }
  if (profile.auth === 'bearer') return { Authorization: `Bearer ${secret ?? ''}` };
  return {};
}
