/**
 * Credentials at rest in the Electron host: encrypted by the operating system's keychain through safeStorage
 * (DPAPI on Windows, libsecret/kwallet on Linux). Where Linux has no keyring, safeStorage would fall back to a
 * hard-coded key; then the key-file store of the plain Node hosts is used instead, which is no weaker.
 */
import { safeStorage } from 'electron';
import { NodeSecretStore } from '../core/secrets/node-secret-store';
import { SecretStoreError, type SecretStore } from '../core/secrets/secret-store';

const PREFIX = 'safe:';

export function createElectronSecretStore(dataDir: string): SecretStore {
  const weakBackend = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weakBackend) return NodeSecretStore.open(dataDir);
  return {
    encrypt: (plaintext) => PREFIX + safeStorage.encryptString(plaintext).toString('base64'),
    decrypt(ciphertext) {
      if (!ciphertext.startsWith(PREFIX)) throw new SecretStoreError('not encrypted by this machine’s safeStorage');
      return safeStorage.decryptString(Buffer.from(ciphertext.slice(PREFIX.length), 'base64'));
    },
  };
}
