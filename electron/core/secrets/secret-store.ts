/**
 * Encrypts credentials at rest. Electron's host implements it with safeStorage; plain Node (browser host, CLI)
 * with NodeSecretStore. Ciphertext is opaque text, safe to keep in a JSON settings file.
 */
export interface SecretStore {
  encrypt(plaintext: string): string;
  /** Throws SecretStoreError when the text was not produced by this store (or was tampered with). */
  decrypt(ciphertext: string): string;
}

export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
}
