/**
 * Structured log lines (JSON, one per line) to a file in the data folder and, when asked, to stderr.
 * Secrets never reach a log: every line passes through the one redactor (./redact), which removes each
 * configured credential and token-shaped value whatever field a caller put it in. The file is the user's
 * alone (0600, in a 0700 folder) on POSIX.
 */
import { appendFileSync } from 'node:fs';
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

export function createLogger(options: { file?: string; stderr?: boolean; level?: LogLevel }): Logger {
  const minimum = LEVEL_ORDER[options.level ?? 'info'];
  const file = options.file;
  if (file) prepareLogFile(file);
  function write(level: LogLevel, event: string, fields?: Record<string, unknown>): void {
    if (LEVEL_ORDER[level] < minimum) return;
    const line = JSON.stringify(redactDeep({ at: new Date().toISOString(), level, event, ...fields })) + '\n';
    if (file) appendFileSync(file, line, { mode: 0o600 });
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
