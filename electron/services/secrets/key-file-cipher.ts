import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretCipher } from './secret-cipher';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random key kept in a file of mode 0600 beside the data. This is the
 * plain-Node stand-in for Electron's safeStorage: it protects secrets from other users of the
 * machine and from copies of the settings file, not from the user's own account.
 */
export class KeyFileCipher implements SecretCipher {
  readonly kind = 'key-file';
  private key: Promise<Buffer> | undefined;

  constructor(private readonly keyPath: string) {}

  async encrypt(plain: string): Promise<string> {
    const key = await this.loadKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  async decrypt(sealed: string): Promise<string> {
    const key = await this.loadKey();
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  private loadKey(): Promise<Buffer> {
    this.key ??= this.readOrCreateKey();
    return this.key;
  }

  private async readOrCreateKey(): Promise<Buffer> {
    try {
      const key = await readFile(this.keyPath);
      if (key.length !== KEY_BYTES) throw new Error(`Secret key file ${this.keyPath} is damaged; delete it and re-enter PACS passwords.`);
      if (process.platform !== 'win32' && ((await stat(this.keyPath)).mode & 0o077) !== 0) await chmod(this.keyPath, 0o600);
      return key;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      const key = randomBytes(KEY_BYTES);
      await writeFileAtomic(this.keyPath, key, 0o600);
      return key;
    }
  }
}
