/**
 * SecretStore for plain Node: AES-256-GCM with a random 32-byte key kept in a file readable only by the user
 * (mode 0600) in the data directory. Each value gets a fresh 12-byte IV; the GCM tag detects tampering.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
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
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, SECRET_KEY_FILE);
    try {
      // 'wx' fails if the file exists, so two processes starting together never overwrite each other's key.
      writeFileSync(path, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    const key = readFileSync(path);
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
