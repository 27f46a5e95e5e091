import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFileCipher } from './key-file-cipher';
import { SecretStore } from './secret-store';

async function setup() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-secrets-'));
  const keyPath = path.join(dir, 'secret.key');
  const file = path.join(dir, 'secrets.json');
  return { dir, keyPath, file, store: new SecretStore(file, new KeyFileCipher(keyPath)) };
}

describe('SecretStore with the Node key file', () => {
  it('stores a password so that it survives a restart but never appears in clear on disk', async () => {
    const { keyPath, file, store } = await setup();
    await store.set('clinic', 'hunter2-very-secret');
    expect(await readFile(file, 'utf8')).not.toContain('hunter2');
    expect(await new SecretStore(file, new KeyFileCipher(keyPath)).get('clinic')).toBe('hunter2-very-secret');
  });

  it('keeps the key and the secrets readable by the user only', async () => {
    const { keyPath, file, store } = await setup();
    await store.set('clinic', 'x');
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a tampered secret rather than returning garbage', async () => {
    const { keyPath, file, store } = await setup();
    await store.set('clinic', 'password');
    const sealed = JSON.parse(await readFile(file, 'utf8'));
    const bytes = Buffer.from(sealed.clinic, 'base64');
    bytes[bytes.length - 1]! ^= 0xff;
    await writeFile(file, JSON.stringify({ clinic: bytes.toString('base64') }));
    await expect(new SecretStore(file, new KeyFileCipher(keyPath)).get('clinic')).rejects.toThrow();
  });

  it('forgets a deleted secret', async () => {
    const { store } = await setup();
    await store.set('a', '1');
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
  });
});
