/**
 * Structured log lines (JSON, one per line) to a file in the data folder and, when asked, to stderr.
 * Secrets never reach a log: callers pass redacted values; `redact` masks anything that looks like a key.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

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
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  function write(level: LogLevel, event: string, fields?: Record<string, unknown>): void {
    if (LEVEL_ORDER[level] < minimum) return;
    const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }) + '\n';
    if (options.file) appendFileSync(options.file, line);
    if (options.stderr) process.stderr.write(line);
  }
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
