/**
 * The log file rotates by size: at the threshold (never before, never a line split), without losing a line,
 * and still redacted in every file. The limits are made small here; the hosts keep 5 MB × 5 files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, LOG_FILES, LOG_MAX_BYTES, logFilesOf } from '../../electron/core/kernel/logger';
import { registerSecrets } from '../../electron/core/kernel/redact';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-log-'));
  file = join(dir, 'saldo.log');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const linesOf = (path: string): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);
const seqsOf = (path: string): number[] => linesOf(path).map((line) => (JSON.parse(line) as { seq: number }).seq);
/** Every line in every kept file, oldest first. */
const allSeqs = (files: number): number[] => logFilesOf(file, files).reverse().flatMap(seqsOf);

describe('log rotation by size', () => {
  it('keeps 5 files of 5 MB by default', () => {
    expect(LOG_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(LOG_FILES).toBe(5);
    expect(logFilesOf('/data/logs/saldo.log')).toEqual(['/data/logs/saldo.log', '/data/logs/saldo.log.1', '/data/logs/saldo.log.2', '/data/logs/saldo.log.3', '/data/logs/saldo.log.4']);
  });

  it('rotates when the next line would pass the limit, not one line earlier', () => {
    // Every line has the same length (same event, zero-padded sequence, fixed-width timestamp).
    const probe = createLogger({ file: join(dir, 'probe.log') });
    probe.info('sale.step', { seq: 1000 });
    const lineBytes = statSync(join(dir, 'probe.log')).size;

    const logger = createLogger({ file, rotation: { maxBytes: 3 * lineBytes, files: 3 } });
    for (const seq of [1001, 1002, 1003]) logger.info('sale.step', { seq });
    expect(statSync(file).size).toBe(3 * lineBytes);
    expect(existsSync(`${file}.1`)).toBe(false);

    logger.info('sale.step', { seq: 1004 });
    expect(seqsOf(`${file}.1`)).toEqual([1001, 1002, 1003]);
    expect(seqsOf(file)).toEqual([1004]);
  });

  it('loses no line across many rotations while the files kept cover them', () => {
    const logger = createLogger({ file, rotation: { maxBytes: 600, files: 50 } });
    const count = 300;
    for (let seq = 1; seq <= count; seq += 1) logger.info('sale.step', { seq, saleId: `sale-${seq}` });
    expect(allSeqs(50)).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    expect(existsSync(`${file}.2`)).toBe(true);
  });

  it('keeps at most the configured number of files; the newest lines survive, each file whole and under the limit', () => {
    const logger = createLogger({ file, rotation: { maxBytes: 500, files: 3 } });
    for (let seq = 1; seq <= 200; seq += 1) logger.info('sale.step', { seq });
    expect(existsSync(`${file}.3`)).toBe(false);
    const kept = allSeqs(3);
    expect(kept.at(-1)).toBe(200);
    // Consecutive: nothing missing between the oldest kept line and the newest.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, index) => kept[0]! + index));
    for (const path of logFilesOf(file, 3)) {
      expect(statSync(path).size).toBeLessThanOrEqual(500);
      for (const line of linesOf(path)) expect(() => JSON.parse(line)).not.toThrow();
    }
  });

  it('a line longer than the limit is still written whole (in a file of its own)', () => {
    const logger = createLogger({ file, rotation: { maxBytes: 100, files: 3 } });
    logger.info('short', { seq: 1 });
    logger.info('long', { seq: 2, detail: 'x'.repeat(300) });
    expect(seqsOf(`${file}.1`)).toEqual([1]);
    expect(seqsOf(file)).toEqual([2]);
  });

  it('every rotated file stays redacted: a credential logged on every line appears in none', () => {
    const canary = 'CANARY-rotation-7f3c9e1a2b';
    registerSecrets([canary]);
    const logger = createLogger({ file, rotation: { maxBytes: 400, files: 4 } });
    for (let seq = 1; seq <= 40; seq += 1) logger.warn('provider.reply', { seq, body: `token=${canary}`, apiKey: canary });
    const files = logFilesOf(file, 4).filter(existsSync);
    expect(files.length).toBeGreaterThan(1);
    for (const path of files) expect(readFileSync(path, 'utf8')).not.toContain(canary);
  });

  it.runIf(process.platform !== 'win32')('rotated and new files are readable by the user alone (0600)', () => {
    const logger = createLogger({ file, rotation: { maxBytes: 200, files: 3 } });
    for (let seq = 1; seq <= 20; seq += 1) logger.info('sale.step', { seq });
    for (const path of logFilesOf(file, 3)) expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
