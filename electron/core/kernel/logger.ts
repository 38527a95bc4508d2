/**
 * Structured log lines (JSON, one per line) to a file in the data folder and, when asked, to stderr.
 * Secrets never reach a log: every line passes through the one redactor (./redact), which removes each
 * configured credential and token-shaped value whatever field a caller put it in. The file is the user's
 * alone (0600, in a 0700 folder) on POSIX.
 *
 * The file rotates by size so a kiosk left alone for months never fills its disk: before a line would take the
 * file past LOG_MAX_BYTES, `saldo.log` becomes `saldo.log.1` (`.1` becomes `.2`, …) and the oldest beyond
 * LOG_FILES is dropped. A line is never split across files. Every host (Electron included: electron-log is
 * not a dependency) uses this same sink.
 */
import { appendFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, restrictFile } from './private-files';
import { redactDeep } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The size at which the log file rotates: weeks of a busy counter's lines, small enough to send by chat. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** Files kept: the current one and LOG_FILES − 1 rotated ones (25 MB at most). */
export const LOG_FILES = 5;

export interface LogRotation {
  maxBytes: number;
  files: number;
}

export interface LoggerOptions {
  file?: string;
  stderr?: boolean;
  level?: LogLevel;
  /** Tests rotate small; every host keeps the defaults. */
  rotation?: LogRotation;
}

/** The files of one log, newest first: `saldo.log`, `saldo.log.1`, … (diagnostics and the bundle read them in this order). */
export function logFilesOf(file: string, files = LOG_FILES): string[] {
  return Array.from({ length: files }, (_, index) => (index === 0 ? file : `${file}.${index}`));
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Shifts every file one place older; the oldest falls off. */
function rotate(file: string, files: number): void {
  const names = logFilesOf(file, files);
  rmSync(names[names.length - 1]!, { force: true });
  for (let index = names.length - 2; index >= 0; index -= 1) {
    try {
      renameSync(names[index]!, names[index + 1]!);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

export function createLogger(options: LoggerOptions): Logger {
  const minimum = LEVEL_ORDER[options.level ?? 'info'];
  const file = options.file;
  const rotation = options.rotation ?? { maxBytes: LOG_MAX_BYTES, files: LOG_FILES };
  if (file) prepareLogFile(file);
  function append(target: string, line: string): void {
    // The size is read from the file each time, not counted here: the CLI and the app may share the folder.
    const size = sizeOf(target);
    if (size > 0 && size + Buffer.byteLength(line) > rotation.maxBytes) {
      try {
        rotate(target, rotation.files);
      } catch (error) {
        // A log that cannot rotate still takes the line: losing it would be worse than a file over the limit.
        process.stderr.write(`saldo: log rotation failed: ${String(error)}\n`);
      }
    }
    appendFileSync(target, line, { mode: 0o600 });
  }
  function write(level: LogLevel, event: string, fields?: Record<string, unknown>): void {
    if (LEVEL_ORDER[level] < minimum) return;
    const line = JSON.stringify(redactDeep({ at: new Date().toISOString(), level, event, ...fields })) + '\n';
    if (file) append(file, line);
    if (options.stderr) process.stderr.write(line);
  }
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** Creates the log's folder (0700) and tightens a log file an older version left readable by others. */
function prepareLogFile(file: string): void {
  ensurePrivateDir(dirname(file));
  restrictFile(file);
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
