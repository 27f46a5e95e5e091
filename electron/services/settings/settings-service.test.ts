import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../event-hub';
import { ConfSettingsBackend } from './conf-backend';
import { SettingsService } from './settings-service';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'tandem-settings-'));
}

describe('SettingsService on conf', () => {
  it('starts with defaults: English, the local archive, no PACS, a 50 GiB archive budget', async () => {
    const service = new SettingsService(new ConfSettingsBackend(await tempDir()), new EventHub());
    expect(await service.get()).toEqual({ language: 'en', activeSourceId: 'local', pacsProfiles: [], archiveBudgetGiB: 50, trustedModelKeys: [], inferenceBackend: 'auto' });
  });

  it('keeps a change across a restart and announces it', async () => {
    const dir = await tempDir();
    const events = new EventHub();
    const seen: unknown[] = [];
    events.onDidEmit((name, payload) => seen.push([name, payload]));
    await new SettingsService(new ConfSettingsBackend(dir), events).update({ language: 'ru' });
    expect((await new SettingsService(new ConfSettingsBackend(dir), new EventHub()).get()).language).toBe('ru');
    expect(seen).toEqual([['settingsChanged', expect.objectContaining({ language: 'ru' })]]);
  });

  it('repairs a damaged settings file field by field instead of losing everything', async () => {
    const dir = await tempDir();
    await new SettingsService(new ConfSettingsBackend(dir), new EventHub()).update({ language: 'ru' });
    const file = path.join(dir, 'settings.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    stored.settings.activeSourceId = 42;
    await writeFile(file, JSON.stringify(stored));
    const repaired = await new SettingsService(new ConfSettingsBackend(dir), new EventHub()).get();
    expect(repaired).toEqual({ language: 'ru', activeSourceId: 'local', pacsProfiles: [], archiveBudgetGiB: 50, trustedModelKeys: [], inferenceBackend: 'auto' });
  });
});
