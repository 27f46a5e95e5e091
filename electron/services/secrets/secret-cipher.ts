/**
 * Encrypts secrets at rest. Electron uses the OS keychain through `safeStorage`; plain Node uses a
 * key file only the user can read (see `KeyFileCipher`).
 */
export interface SecretCipher {
  readonly kind: string;
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}
