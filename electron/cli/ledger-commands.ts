/**
 * The ledger from the command line, over the same core as the app (`npm run cli -- <command>`), one JSON
 * line out, exit status 0 or 1, data folder from SALDO_DATA_DIR:
 *
 *   sell --phone P (--amount N | --sku S) [--provider NAME] [--country C] [--carrier NAME] [--repeat] [--owner-pin PIN]
 *               --repeat: yes, the same number and amount again within the window (else repeat_unconfirmed)
 *               --owner-pin: an owner lets it through while an earlier sale to the number is unresolved (else resell_blocked)
 *   sales [--state S] [--today] [--limit N]
 *   sync        one pass: recovery, expiry, drain, polls
 *   verify      integrity check and hash chain, first broken link, the chain's head hash
 *
 * Amounts go in as people say them (`--amount 50` is 50 MXN in Mexico); money comes out as
 * {"minor":5000,"currency":"MXN"}.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { businessDayOf } from '../../shared/business-day';
import { SALE_STATES, type SaleState } from '../../shared/contract/sales';
import { requireCountry, UnknownCountryError } from '../../shared/countries';
import { MoneyError, moneyFromMajor } from '../../shared/money';
import { databaseFileIn, integrityCheck, openDatabase } from '../core/db/open';
import { packageVersion, resolveDataDir } from '../core/data-dir';
import { GENESIS_HASH, verifyChain, type ChainReport } from '../core/ledger/chain';
import { verifyJournal, type JournalReport } from '../core/journal/journal';
import { Ledger, publicSale } from '../core/ledger/ledger';
import { SalesRepository } from '../core/ledger/sales-repository';
import { silentLogger } from '../core/kernel/logger';
import { createSaldoCore, type SaldoCore } from '../core/runtime';
import { createSettingsStore } from '../core/settings/store';
import { startDemoSandboxes } from '../sandbox';

export const LEDGER_COMMANDS = ['sell', 'sales', 'sync', 'verify'] as const;

const FLAGS = {
  phone: { type: 'string' },
  amount: { type: 'string' },
  sku: { type: 'string' },
  provider: { type: 'string' },
  country: { type: 'string' },
  carrier: { type: 'string' },
  state: { type: 'string' },
  today: { type: 'boolean' },
  limit: { type: 'string' },
  repeat: { type: 'boolean' },
  'owner-pin': { type: 'string' },
  'detect-carrier': { type: 'boolean' },
} as const;

class UsageError extends Error {}

type Output = (line: string) => void;
const stdout: Output = (line) => process.stdout.write(`${line}\n`);

function print(output: Output, value: unknown): void {
  output(JSON.stringify(value));
}

function failure(output: Output, code: string, message: string, issues?: string[]): number {
  print(output, { ok: false, error: { code, message, ...(issues ? { issues } : {}) } });
  return 1;
}

export async function withCore<T>(run: (core: SaldoCore) => Promise<T>): Promise<T> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const core = await createSaldoCore({
    dataDir: resolveDataDir(),
    host: 'cli',
    version: packageVersion(`${root}package.json`),
    validateContract: true,
    startSync: false,
    demoProviders: () => startDemoSandboxes(),
  });
  try {
    // The command line acts for the shop: an owner-level operator with a stable id in the ledger.
    core.session.signIn({ id: 'cli', name: 'Command line', role: 'owner' });
    await core.recovery;
    return await run(core);
  } finally {
    await core.close();
  }
}

async function sell(values: Record<string, string | boolean | undefined>, output: Output): Promise<number> {
  const phone = typeof values.phone === 'string' ? values.phone : undefined;
  if (!phone) throw new UsageError('sell needs --phone');
  const amountText = typeof values.amount === 'string' ? values.amount : undefined;
  const sku = typeof values.sku === 'string' ? values.sku : undefined;
  if (Boolean(amountText) === Boolean(sku)) throw new UsageError('sell needs exactly one of --amount or --sku');
  const country = requireCountry(typeof values.country === 'string' ? values.country : 'MX');
  const detect = values['detect-carrier'] === true;
  if (detect && (country.code !== 'MX' || typeof values.carrier === 'string')) throw new UsageError('--detect-carrier is for Mexico, without --carrier');
  const carrier = typeof values.carrier === 'string' ? values.carrier : country.code === 'MX' && !detect ? 'Telcel' : undefined;
  if (!carrier && !detect) throw new UsageError('sell needs --carrier outside Mexico');
  // "--amount 50" means 50 in the currency the providers price that country in.
  const currency = country.saleCurrency;
  // "No sé la compañía" (--detect-carrier): no carrier, MobiSend detects it.
  const input: Record<string, unknown> = { requestId: randomUUID(), phone, country: country.code, ...(carrier ? { carrier } : {}) };
  if (amountText) input.amount = moneyFromMajor(amountText, currency);
  if (sku) input.sku = sku;
  if (typeof values.provider === 'string') input.provider = values.provider;
  if (values.repeat === true) input.repeatConfirmed = true;
  if (typeof values['owner-pin'] === 'string') input.ownerPin = values['owner-pin'];
  return withCore(async (core) => {
    const answer = await core.dispatcher.invoke('sales.sell', input, { host: 'cli' });
    if (!answer.ok) return failure(output, answer.error.code, answer.error.message, answer.error.issues);
    print(output, { ok: true, sale: answer.value });
    return 0;
  });
}

function sales(values: Record<string, string | boolean | undefined>, output: Output): number {
  const state = typeof values.state === 'string' ? values.state : undefined;
  if (state && !SALE_STATES.includes(state as SaleState)) throw new UsageError(`--state must be one of ${SALE_STATES.join(', ')}`);
  const limit = typeof values.limit === 'string' ? Number(values.limit) : 200;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000');
  const db = openDatabase({ file: databaseFileIn(resolveDataDir()) });
  try {
    const ledger = new Ledger(db);
    // Today is the shop's business day (its time zone and day start hour), as at the counter.
    const sinceMs = values.today ? businessDayOf(Date.now(), createSettingsStore(db, silentLogger).read()).startMs : undefined;
    const list = ledger.list({ ...(state ? { state: state as SaleState } : {}), ...(sinceMs !== undefined ? { sinceMs } : {}), limit });
    print(output, { ok: true, count: list.length, sales: list.map(publicSale), queue: ledger.queueStatus('MXN') });
    return 0;
  } finally {
    db.close();
  }
}

async function sync(output: Output): Promise<number> {
  return withCore(async (core) => {
    const recovery = await core.recovery;
    const report = await core.sales.sync.runOnce();
    print(output, { ok: true, recovery: recovery ?? null, sync: report, queue: core.sales.ledger.queueStatus('MXN') });
    return 0;
  });
}

export interface LedgerVerification {
  ok: boolean;
  integrity: string[];
  /** The chain report, with `head`: the hash of the last stored event (write it down to notice a rollback later). */
  chain: ChainReport & { head: string };
  /** The journal's own chain (settings, people, shifts, cash, day closes), verified the same way. */
  journal: JournalReport;
}

/** SQLite's integrity check and the hash chain of the ledger in `dataDir`, as `verify` prints them. */
export function verifyLedger(dataDir: string): LedgerVerification {
  const db = openDatabase({ file: databaseFileIn(dataDir) });
  try {
    const integrity = integrityCheck(db);
    const history = new SalesRepository(db);
    const chain = verifyChain(history);
    const head = history.lastEvent()?.hash ?? GENESIS_HASH;
    const journal = verifyJournal(db);
    return { ok: integrity.length === 1 && integrity[0] === 'ok' && chain.ok && journal.ok, integrity, chain: { ...chain, head }, journal };
  } finally {
    db.close();
  }
}

function verify(output: Output): number {
  const report = verifyLedger(resolveDataDir());
  print(output, report);
  return report.ok ? 0 : 1;
}

/** Runs one ledger command (`sell`, `sales`, `sync`, `verify`) and prints one JSON line; returns the exit status. */
export async function runLedgerCommand(command: string, argv: string[], output: Output = stdout): Promise<number> {
  const args = argv[0] === command ? argv.slice(1) : argv;
  try {
    const { values, positionals } = parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
    switch (command) {
      case 'sell':
        return await sell(values, output);
      case 'sales':
        return sales(values, output);
      case 'sync':
        return await sync(output);
      case 'verify':
        return verify(output);
      default:
        throw new UsageError(`unknown ledger command "${command}" (${LEDGER_COMMANDS.join(', ')})`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof MoneyError || error instanceof UnknownCountryError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      return failure(output, 'invalid_input', error.message);
    }
    return failure(output, 'internal', error instanceof Error ? error.message : String(error));
  }
}
