/**
 * What a curious other user of the PC could read: the data folder is 0700 and every file Saldo writes in it
 * 0600 (database, its WAL and SHM, the log, the secret key, providers.json). The key and providers.json are
 * written atomically, so a crash never leaves them truncated; a key a crash left empty is replaced.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/kernel/logger';
import { databaseFileIn, openDatabase } from '../../electron/core/db/open';
import { loadProviderSettings, saveProviderSettings } from '../../electron/core/providers/config';
import { NodeSecretStore, SECRET_KEY_FILE } from '../../electron/core/secrets/node-secret-store';

const posix = process.platform !== 'win32';
const modeOf = (path: string): number => statSync(path).mode & 0o777;

function everyPath(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? [path, ...everyPath(path)] : [path];
  });
}

describe.runIf(posix)('data folder permissions', () => {
  it('folder 0700 and database, WAL, SHM, log, key and providers.json 0600, even over an old 0755/0644 folder', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'saldo-modes-')), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'saldo.sqlite'), '');
    chmodSync(join(dataDir, 'saldo.sqlite'), 0o644);

    const db = openDatabase({ file: databaseFileIn(dataDir) });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '1', 'now')").run();
    const logger = createLogger({ file: join(dataDir, 'logs', 'saldo.log') });
    logger.info('probe');
    const store = NodeSecretStore.open(dataDir);
    saveProviderSettings(dataDir, store, { mobisend: { baseUrl: 'https://example.com', apiKey: 'modes-key-1234' } });

    const files = everyPath(dataDir);
    const names = files.map((path) => relative(dataDir, path)).sort();
    expect(names).toEqual(expect.arrayContaining(['saldo.sqlite', 'saldo.sqlite-wal', 'saldo.sqlite-shm', 'logs', 'logs/saldo.log', SECRET_KEY_FILE, 'providers.json']));
    expect(modeOf(dataDir)).toBe(0o700);
    for (const path of files) expect([relative(dataDir, path), modeOf(path)]).toEqual([relative(dataDir, path), statSync(path).isDirectory() ? 0o700 : 0o600]);
    // No temporary file of an atomic write is left behind.
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    db.close();
  });
});

describe('atomic key and settings', () => {
  it('a key file a crash left empty is replaced, and the new key works', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-key-'));
    writeFileSync(join(dataDir, SECRET_KEY_FILE), '');
    const store = NodeSecretStore.open(dataDir);
    expect(readFileSync(join(dataDir, SECRET_KEY_FILE))).toHaveLength(32);
    expect(store.decrypt(store.encrypt('hola'))).toBe('hola');
  });

  it('a second open keeps the first key (two processes starting together agree)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-key-'));
    const first = NodeSecretStore.open(dataDir);
    const second = NodeSecretStore.open(dataDir);
    expect(second.decrypt(first.encrypt('same key'))).toBe('same key');
  });

  it('saving settings again replaces them whole', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-settings-'));
    const store = NodeSecretStore.open(dataDir);
    saveProviderSettings(dataDir, store, { mobisend: { baseUrl: 'https://example.com', apiKey: 'first-key-1234' } });
    saveProviderSettings(dataDir, store, { mobisend: { baseUrl: 'https://example.com', apiKey: 'second-key-5678' } });
    expect(loadProviderSettings(dataDir, () => store).mobisend?.apiKey).toBe('second-key-5678');
    expect(readFileSync(join(dataDir, 'providers.json'), 'utf8')).not.toContain('second-key-5678');
  });
});

describe.runIf(posix)('shared folders stay as they are', () => {
  it('a database or log given as a bare path in the temporary folder never closes that folder', () => {
    const before = statSync(tmpdir()).mode & 0o7777;
    const file = join(tmpdir(), `saldo-bare-${process.pid}.sqlite`);
    try {
      openDatabase({ file }).close();
      createLogger({ file: join(tmpdir(), `saldo-bare-${process.pid}.log`) }).info('probe');
      expect(statSync(tmpdir()).mode & 0o7777).toBe(before);
      expect(modeOf(file)).toBe(0o600);
    } finally {
      for (const path of [file, `${file}-wal`, `${file}-shm`, join(tmpdir(), `saldo-bare-${process.pid}.log`)]) rmSync(path, { force: true });
    }
  });
});
