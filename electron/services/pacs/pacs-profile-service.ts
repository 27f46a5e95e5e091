import type { PacsReachability } from '../../../shared/domain/connectivity';
import { PacsProfile, PacsProfileInput, type ConnectionDiagnosis } from '../../../shared/domain/pacs-profile';
import { LOCAL_SOURCE_ID } from '../../../shared/domain/study';
import type { ServiceImpl } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import type { PacsConnection } from '../dicomweb/pacs-connection';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import { testPacsConnection } from './connection-test';

/** PACS profiles live in settings; their passwords and tokens live in the secret store. */
export class PacsProfileService implements ServiceImpl<'pacs'> {
  /** Set by the composition root once the monitor exists (the monitor reads profiles from here). */
  reachability: { list(): Promise<PacsReachability[]> } | undefined;

  constructor(
    private readonly settings: SettingsService,
    private readonly secrets: SecretStore,
  ) {}

  async getReachability(): Promise<PacsReachability[]> {
    return this.reachability ? this.reachability.list() : (await this.listProfiles()).map((p) => ({ profileId: p.id, state: 'unknown' as const }));
  }

  async listProfiles(): Promise<PacsProfile[]> {
    return this.settings.snapshot().pacsProfiles;
  }

  async saveProfile(input: PacsProfileInput): Promise<PacsProfile> {
    const { secret, ...fields } = PacsProfileInput.parse(input);
    if (fields.id === LOCAL_SOURCE_ID) throw new ServiceError('INVALID_ARGUMENT', `"${LOCAL_SOURCE_ID}" is reserved for the local archive.`);
    const existing = this.settings.snapshot().pacsProfiles.find((p) => p.id === fields.id);
    if (secret !== undefined) {
      if (secret === '') await this.secrets.delete(fields.id);
      else await this.secrets.set(fields.id, secret);
    }
    const hasSecret = secret === undefined ? (existing?.hasSecret ?? false) : secret !== '';
    const profile = PacsProfile.parse({ ...fields, hasSecret });
    const others = this.settings.snapshot().pacsProfiles.filter((p) => p.id !== profile.id);
    this.settings.replace({ ...this.settings.snapshot(), pacsProfiles: [...others, profile] });
    return profile;
  }

  async removeProfile(id: string): Promise<void> {
    const current = this.settings.snapshot();
    if (!current.pacsProfiles.some((p) => p.id === id)) throw new ServiceError('NOT_FOUND', `No PACS profile "${id}".`);
    await this.secrets.delete(id);
    this.settings.replace({
      ...current,
      pacsProfiles: current.pacsProfiles.filter((p) => p.id !== id),
      activeSourceId: current.activeSourceId === id ? LOCAL_SOURCE_ID : current.activeSourceId,
    });
  }

  async testConnection(id: string): Promise<ConnectionDiagnosis> {
    return testPacsConnection(await this.connection(id));
  }

  /** A profile with its secret, for the services that talk to the PACS. */
  async connection(id: string): Promise<PacsConnection> {
    const profile = this.settings.snapshot().pacsProfiles.find((p) => p.id === id);
    if (!profile) throw new ServiceError('NOT_CONFIGURED', `No PACS profile "${id}". Add it under Settings → PACS.`);
    return { profile, secret: profile.hasSecret ? await this.secrets.get(id) : undefined };
  }
}
