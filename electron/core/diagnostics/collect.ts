/**
 * Gathers the technician's view of the kiosk (`app.diagnostics`, `npm run cli -- diagnostics`): the database
 * checked now, the hash chain verified now, every configured provider probed now (a health call, timed, and
 * its balance), the queue, 24 h of connectivity changes, the last log lines, and what is wrong in stable codes.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { FullAppInfo, ProviderId } from '../../../shared/contract/app';
import type { DiagnosticProblem, Diagnostics, ProviderDiagnostics } from '../../../shared/contract/diagnostics';
import { integrityCheck } from '../db/open';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrations';
import type { Ledger } from '../ledger/ledger';
import type { ProviderAdapter, ProviderResult } from '../providers/types';
import type { ConnectivityHistory } from './connectivity-history';
import type { Redactor } from './redact';

export const LOG_LINES = 200;
const HISTORY_MS = 24 * 3600_000;
/** A probe that takes longer than this counts as unreachable (the adapters' own timeout is 30 s). */
export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

/** What the update engine last did; until it reports, diagnostics say "stable" and "never checked". */
export interface UpdatesStatus {
  channel: string;
  lastCheckAt: string | null;
  lastResult: string | null;
}

export interface DiagnosticsSources {
  db: Database;
  info: FullAppInfo;
  databaseFile: string;
  logFile: string;
  providers: readonly ProviderId[];
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>;
  ledger: Ledger;
  history: ConnectivityHistory;
  /** The currency the queue's totals are kept in (the offline policy's). */
  currency(): string;
  printer: Diagnostics['printer'];
  updates(): UpdatesStatus;
  redactor(): Redactor;
  clock: () => Date;
  probeTimeoutMs?: number;
  /** Each probe's result, so the counter's connectivity learns from it too. */
  onProbe?(provider: ProviderId, result: ProviderResult<unknown>): void;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The last `count` lines of a file, reading only its tail. */
export function tailLines(file: string, count: number, maxBytes = 512 * 1024): string[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const size = statSync(file).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n').filter((line) => line.length > 0);
    // A partial first line (the read started mid-line) is dropped.
    if (length < size) lines.shift();
    return lines.slice(-count);
  } finally {
    closeSync(fd);
  }
}

async function timed<T>(run: () => Promise<ProviderResult<T>>, timeoutMs: number): Promise<{ result: ProviderResult<T>; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ProviderResult<T>>((resolve) => {
    // A health or balance call changes nothing at the provider, so an unanswered one is simply "no answer".
    timer = setTimeout(() => resolve({ ok: false, error: { code: 'outcome_unknown', message: `no answer within ${timeoutMs} ms`, outcomeKnown: true, retrySameKeySafe: true } }), timeoutMs);
  });
  try {
    const result = await Promise.race([run(), timeout]);
    return { result, ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

async function probeProvider(id: ProviderId, sources: DiagnosticsSources): Promise<ProviderDiagnostics> {
  const adapter = sources.adapters.get(id);
  if (!adapter) return { id, configured: false, reachable: null, latencyMs: null, balance: null, available: null, error: null };
  const timeoutMs = sources.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const health = await timed(() => adapter.health(), timeoutMs);
  sources.onProbe?.(id, health.result);
  if (!health.result.ok) {
    const { code, message } = health.result.error;
    return { id, configured: true, reachable: false, latencyMs: health.ms, balance: null, available: null, error: { code, message: sources.redactor().text(message) } };
  }
  const balance = await timed(() => adapter.balance(), timeoutMs);
  const error = balance.result.ok ? null : { code: balance.result.error.code, message: sources.redactor().text(balance.result.error.message) };
  return {
    id,
    configured: true,
    reachable: true,
    latencyMs: health.ms,
    balance: balance.result.ok ? balance.result.value.balance : null,
    available: balance.result.ok ? balance.result.value.available : null,
    error,
  };
}

function checkDatabase(sources: DiagnosticsSources): Diagnostics['database'] {
  const started = performance.now();
  const problems = integrityCheck(sources.db);
  const integrityOk = problems.length === 1 && problems[0] === 'ok';
  return {
    integrity: integrityOk ? 'ok' : problems.slice(0, 20).join('; '),
    integrityOk,
    schemaVersion: schemaVersion(sources.db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    sizeBytes: fileSize(sources.databaseFile),
    walBytes: fileSize(`${sources.databaseFile}-wal`),
    checkMs: Math.round(performance.now() - started),
  };
}

function checkChain(sources: DiagnosticsSources): Diagnostics['chain'] {
  const report = sources.ledger.verify();
  // The newest event's hash identifies the whole history: a technician can compare it across two visits.
  const head = sources.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM sale_events ORDER BY seq DESC LIMIT 1').get() ?? null;
  const broken = report.firstBroken;
  return { ok: report.ok, head, events: report.events, firstBroken: broken ? { seq: broken.seq, reason: broken.reason, message: broken.message } : null };
}

/** What is wrong, in the order the screen says it. */
export function problemsOf(diagnostics: Omit<Diagnostics, 'problems'>): DiagnosticProblem[] {
  const problems: DiagnosticProblem[] = [];
  if (!diagnostics.database.integrityOk) problems.push({ code: 'integrity_failed' });
  if (!diagnostics.chain.ok) problems.push({ code: 'chain_broken' });
  if (diagnostics.database.schemaVersion !== diagnostics.database.latestSchemaVersion) problems.push({ code: 'schema_outdated' });
  if (!diagnostics.providers.some((provider) => provider.configured)) problems.push({ code: 'no_provider_configured' });
  for (const provider of diagnostics.providers) {
    if (provider.configured && provider.reachable === false) problems.push({ code: 'provider_unreachable', provider: provider.id });
  }
  if (diagnostics.queue.queued > 0) problems.push({ code: 'queue_not_empty', count: diagnostics.queue.queued });
  if (diagnostics.queue.unknown > 0) problems.push({ code: 'unknown_outcomes', count: diagnostics.queue.unknown });
  if (diagnostics.queue.refundDue > 0) problems.push({ code: 'refunds_due', count: diagnostics.queue.refundDue });
  return problems;
}

export async function collectDiagnostics(sources: DiagnosticsSources): Promise<Diagnostics> {
  const now = sources.clock();
  const providers = await Promise.all(sources.providers.map((id) => probeProvider(id, sources)));
  const redactor = sources.redactor();
  const updates = sources.updates();
  const base: Omit<Diagnostics, 'problems'> = {
    version: sources.info.version,
    channel: updates.channel,
    mode: sources.info.mode,
    host: sources.info.host,
    platform: sources.info.platform,
    dataDir: sources.info.dataDir,
    checkedAt: now.toISOString(),
    database: checkDatabase(sources),
    chain: checkChain(sources),
    providers,
    connectivity: { since: new Date(now.getTime() - HISTORY_MS).toISOString(), transitions: sources.history.since(now.getTime() - HISTORY_MS) },
    queue: {
      ...sources.ledger.queueStatus(sources.currency()),
      pending: sources.ledger.countInStates(['pending']),
      unknown: sources.ledger.countInStates(['unknown']),
    },
    printer: sources.printer,
    // Just after the log rotated (kernel/logger) the current file is short: the newest rotated one goes first.
    logs: { lines: [...tailLines(`${sources.logFile}.1`, LOG_LINES), ...tailLines(sources.logFile, LOG_LINES)].slice(-LOG_LINES).map((line) => redactor.text(line)) },
    updates,
  };
  return { ...base, problems: problemsOf(base) };
}
