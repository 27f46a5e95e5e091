import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretCipher } from './secret-cipher';

/** Secrets by id (a PACS profile id), sealed by a cipher and kept apart from the settings. */
export class SecretStore {
  private cache: Promise<Record<string, string>> | undefined;

  constructor(
    private readonly filePath: string,
    private readonly cipher: SecretCipher,
  ) {}

  async get(id: string): Promise<string | undefined> {
    const sealed = (await this.load())[id];
    return sealed === undefined ? undefined : this.cipher.decrypt(sealed);
  }

  async set(id: string, secret: string): Promise<void> {
    const all = { ...(await this.load()), [id]: await this.cipher.encrypt(secret) };
    await this.save(all);
  }

  async delete(id: string): Promise<void> {
    const all = { ...(await this.load()) };
    if (!(id in all)) return;
    delete all[id];
    await this.save(all);
  }

  private load(): Promise<Record<string, string>> {
    this.cache ??= readFile(this.filePath, 'utf8').then(
      (text) => JSON.parse(text) as Record<string, string>,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return {};
        throw err;
      },
    );
    return this.cache;
  }

  private async save(all: Record<string, string>): Promise<void> {
    await writeFileAtomic(this.filePath, JSON.stringify(all, null, 2), 0o600);
    this.cache = Promise.resolve(all);
  }
}
