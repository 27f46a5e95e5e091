import type { PacsReachability } from '../../../shared/domain/connectivity';
import type { EventSink } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import type { PacsProfileService } from './pacs-profile-service';
import { testPacsConnection } from './connection-test';

/** Failures that mean "the PACS cannot be reached", as opposed to "it answered no". */
const UNREACHABLE = new Set(['PACS_UNREACHABLE', 'PACS_TIMEOUT']);

/**
 * Online or offline per PACS, measured, never assumed: a background check every `intervalMs`,
 * and every real request updates the state at once. Changes are announced as
 * `reachabilityChanged` events.
 */
export class ReachabilityMonitor {
  private readonly states = new Map<string, PacsReachability>();
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly profiles: PacsProfileService,
    private readonly events: EventSink,
    private readonly intervalMs = 30_000,
  ) {}

  start(): void {
    if (this.timer) return;
    void this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), this.intervalMs);
    this.timer.unref();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async list(): Promise<PacsReachability[]> {
    const profiles = await this.profiles.listProfiles();
    return profiles.map((p) => this.states.get(p.id) ?? { profileId: p.id, state: 'unknown' });
  }

  /** Records the outcome of a real request to a PACS and passes its result or error through. */
  async observe<T>(profileId: string, request: Promise<T>): Promise<T> {
    try {
      const value = await request;
      this.set({ profileId, state: 'online', checkedAt: new Date().toISOString() });
      return value;
    } catch (err) {
      if (err instanceof ServiceError && UNREACHABLE.has(err.code)) {
        this.set({ profileId, state: 'offline', checkedAt: new Date().toISOString(), message: err.message });
      } else if (err instanceof ServiceError && err.code.startsWith('PACS_')) {
        // It answered, even if with an error: the link is up.
        this.set({ profileId, state: 'online', checkedAt: new Date().toISOString() });
      }
      throw err;
    }
  }

  /** Probes every profile once; used by the timer and on demand. */
  async checkAll(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const profile of await this.profiles.listProfiles()) {
        const connection = await this.profiles.connection(profile.id);
        const result = await testPacsConnection({ ...connection, profile: { ...connection.profile, timeoutMs: Math.min(connection.profile.timeoutMs, 5000) } });
        const reachable = result.ok || !['DNS', 'REFUSED', 'TLS', 'TIMEOUT', 'NETWORK'].includes(result.code);
        this.set({ profileId: profile.id, state: reachable ? 'online' : 'offline', checkedAt: new Date().toISOString(), message: result.ok ? undefined : result.message });
      }
    } finally {
      this.checking = false;
    }
  }

  private set(next: PacsReachability): void {
    const previous = this.states.get(next.profileId);
    this.states.set(next.profileId, next);
    if (previous?.state !== next.state) this.events.emit('reachabilityChanged', next);
  }
}
