/**
 * SecretStore for plain Node: AES-256-GCM with a random 32-byte key kept in a file readable only by the user
 * (mode 0600, folder 0700) in the data directory, written atomically so a crash never leaves it truncated. Each value gets a fresh 12-byte IV; the GCM tag detects tampering.
 */
import { readFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ensurePrivateDir, restrictFile, writeFileAtomic } from '../kernel/private-files';
import { SecretStoreError, type SecretStore } from './secret-store';

export const SECRET_KEY_FILE = 'secret.key';
const FORMAT = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class NodeSecretStore implements SecretStore {
  private constructor(private readonly key: Buffer) {}

  /** Opens the key file in `dataDir`, creating it (and the directory) on first use. */
  static open(dataDir: string): NodeSecretStore {
    ensurePrivateDir(dataDir);
    const path = join(dataDir, SECRET_KEY_FILE);
    // Exclusive: two processes starting together keep the first key. Atomic: a crash never leaves it short.
    writeFileAtomic(path, randomBytes(KEY_BYTES), { exclusive: true });
    restrictFile(path);
    let key = readFileSync(path);
    if (key.length < KEY_BYTES) {
      // Left truncated by a version that wrote the key in place: nothing can have been encrypted with a key
      // that never opened, so a new one loses nothing.
      writeFileAtomic(path, randomBytes(KEY_BYTES));
      key = readFileSync(path);
    }
    if (key.length !== KEY_BYTES) throw new SecretStoreError(`${path} is not a ${KEY_BYTES}-byte key`);
    return new NodeSecretStore(key);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64')}`;
  }

  decrypt(ciphertext: string): string {
    const [format, payload] = ciphertext.split(':', 2);
    if (format !== FORMAT || !payload) throw new SecretStoreError('not a value encrypted by this store');
    const bytes = Buffer.from(payload, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretStoreError('encrypted value is truncated');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretStoreError('encrypted value does not match this key (tampered with, or from another machine)');
    }
  }
}
