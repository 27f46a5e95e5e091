import type { EventSink, ServiceImpl } from '../../../shared/ipc/api';
import { Settings, type SettingsPatch } from '../../../shared/domain/settings';
import type { SettingsBackend } from './settings-backend';

/**
 * Owns the settings document. A stored document that no longer matches the schema (an older
 * version, a hand edit gone wrong) is repaired field by field rather than discarded.
 */
export class SettingsService implements ServiceImpl<'settings'> {
  private current: Settings;

  constructor(
    private readonly backend: SettingsBackend,
    private readonly events: EventSink,
  ) {
    this.current = loadSettings(backend.read());
  }

  async get(): Promise<Settings> {
    return this.current;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    return this.replace({ ...this.current, ...patch });
  }

  /** Used by other services (PACS profiles) that own a part of the document. */
  snapshot(): Settings {
    return this.current;
  }

  replace(next: Settings): Settings {
    const parsed = Settings.parse(next);
    this.backend.write(parsed);
    this.current = parsed;
    this.events.emit('settingsChanged', parsed);
    return parsed;
  }
}

function loadSettings(raw: unknown): Settings {
  const full = Settings.safeParse(raw ?? {});
  if (full.success) return full.data;
  const repaired: Record<string, unknown> = {};
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  for (const [key, field] of Object.entries(Settings.shape)) {
    const ok = field.safeParse(record[key]);
    if (ok.success) repaired[key] = ok.data;
  }
  return Settings.parse(repaired);
}
