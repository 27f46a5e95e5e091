import { safeStorage } from 'electron';
import type { SecretCipher } from '../../services/secrets/secret-cipher';

/** Secrets sealed by the OS keychain (DPAPI, Keychain, libsecret) through Electron's safeStorage. */
export class SafeStorageCipher implements SecretCipher {
  readonly kind = 'safeStorage';

  async encrypt(plain: string): Promise<string> {
    this.assertAvailable();
    return safeStorage.encryptString(plain).toString('base64');
  }

  async decrypt(sealed: string): Promise<string> {
    this.assertAvailable();
    return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }

  private assertAvailable(): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('The operating system offers no secret storage; PACS passwords cannot be saved on this machine.');
    }
  }
}
