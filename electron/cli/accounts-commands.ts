/**
 * The owner's accounts from the command line (`npm run cli -- <command>`), over the same core and channels as the
 * back office screens; one JSON line out, exit status 0 or 1, data folder from SALDO_DATA_DIR:
 *
 *   export sales --from D --to D --out FILE.csv [--full-numbers]
 *   export report [--from D] [--to D] [--by G] | --z Z-0001   [--paper A4|Letter] --out FILE.pdf|FILE.csv
 *   reconcile --date D [--provider P] [--settle]
 *   deposits add --provider P --amount 1000 --currency USD --reference "…" [--date D]
 *   deposits list [--from D] [--to D] [--provider P]
 *   float-check --date D
 *   refunds [--full-numbers]           the sales owed back, oldest first
 *   balances [--refresh]               each provider's balance, threshold and whether it is low
 *
 * Amounts go in as people say them (`--amount 1000 --currency USD` is 1,000 dollars); money comes out as
 * {"minor":100000,"currency":"USD"}.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MoneyError, moneyFromMajor } from '../../shared/money';
import { withCore } from './ledger-commands';

export const ACCOUNTS_COMMANDS = ['export', 'reconcile', 'deposits', 'float-check', 'refunds', 'balances'] as const;
export type AccountsCommand = (typeof ACCOUNTS_COMMANDS)[number];

const FLAGS = {
  from: { type: 'string' },
  to: { type: 'string' },
  date: { type: 'string' },
  out: { type: 'string' },
  by: { type: 'string' },
  z: { type: 'string' },
  paper: { type: 'string' },
  provider: { type: 'string' },
  amount: { type: 'string' },
  currency: { type: 'string' },
  reference: { type: 'string' },
  settle: { type: 'boolean' },
  refresh: { type: 'boolean' },
  'full-numbers': { type: 'boolean' },
} as const;

type Values = Record<string, string | boolean | undefined>;

class UsageError extends Error {}

type Output = (line: string) => void;
const stdout: Output = (line) => void process.stdout.write(`${line}\n`);
const text = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

function need(values: Values, name: string, what: string): string {
  const value = text(values, name);
  if (!value) throw new UsageError(`${what} needs --${name}`);
  return value;
}

/** Calls one channel as the command line's owner; prints `{ok:false,error}` on refusal, else hands the value on. */
async function invoke(output: Output, channel: string, input: unknown, done: (value: unknown) => Record<string, unknown>): Promise<number> {
  return withCore(async (core) => {
    const answer = await core.dispatcher.invoke(channel, input, { host: 'cli' });
    if (!answer.ok) {
      output(JSON.stringify({ ok: false, error: answer.error }));
      return 1;
    }
    output(JSON.stringify({ ok: true, ...done(answer.value) }));
    return 0;
  });
}

interface ExportFileValue {
  fileName: string;
  encoding: 'utf8' | 'base64';
  content: string;
  rows: number;
  mimeType: string;
}

function writeExport(out: string, file: ExportFileValue): Record<string, unknown> {
  const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
  writeFileSync(out, bytes);
  return { file: out, mimeType: file.mimeType, rows: file.rows, bytes: bytes.length };
}

function exportCommand(output: Output, values: Values, positionals: string[]): Promise<number> {
  const [what] = positionals;
  const out = need(values, 'out', `export ${what ?? ''}`.trim());
  if (what === 'sales') {
    const input = { from: need(values, 'from', 'export sales'), to: need(values, 'to', 'export sales'), ...(values['full-numbers'] === true ? { fullNumbers: true } : {}) };
    return invoke(output, 'accounts.exportSales', input, (file) => writeExport(out, file as ExportFileValue));
  }
  if (what === 'report') {
    const format = out.toLowerCase().endsWith('.csv') ? 'csv' : 'pdf';
    const input: Record<string, unknown> = { format };
    for (const name of ['from', 'to', 'by', 'paper'] as const) if (text(values, name)) input[name] = text(values, name);
    if (text(values, 'z')) input.zNumber = text(values, 'z');
    return invoke(output, 'accounts.exportReport', input, (file) => writeExport(out, file as ExportFileValue));
  }
  throw new UsageError('export sales … or export report …');
}

function depositsCommand(output: Output, values: Values, positionals: string[]): Promise<number> {
  const [action] = positionals;
  if (action === 'add') {
    const currency = need(values, 'currency', 'deposits add');
    const input = {
      provider: need(values, 'provider', 'deposits add'),
      amount: moneyFromMajor(need(values, 'amount', 'deposits add'), currency),
      reference: need(values, 'reference', 'deposits add'),
      ...(text(values, 'date') ? { date: text(values, 'date') } : {}),
    };
    return invoke(output, 'accounts.addDeposit', input, (deposit) => ({ deposit }));
  }
  if (action === 'list' || action === undefined) {
    const input: Record<string, unknown> = {};
    for (const name of ['from', 'to', 'provider'] as const) if (text(values, name)) input[name] = text(values, name);
    return invoke(output, 'accounts.deposits', input, (value) => value as Record<string, unknown>);
  }
  throw new UsageError('deposits add … or deposits list');
}

async function dispatch(output: Output, command: AccountsCommand, values: Values, positionals: string[]): Promise<number> {
  switch (command) {
    case 'export':
      return exportCommand(output, values, positionals);
    case 'deposits':
      return depositsCommand(output, values, positionals);
    case 'reconcile': {
      const input = { date: need(values, 'date', 'reconcile'), ...(text(values, 'provider') ? { provider: text(values, 'provider') } : {}), ...(values.settle === true ? { settle: true } : {}) };
      return invoke(output, 'accounts.reconcile', input, (value) => value as Record<string, unknown>);
    }
    case 'float-check':
      return invoke(output, 'accounts.floatCheck', { date: need(values, 'date', 'float-check') }, (value) => value as Record<string, unknown>);
    case 'refunds':
      return invoke(output, 'accounts.refundsOwed', values['full-numbers'] === true ? { fullNumbers: true } : {}, (value) => value as Record<string, unknown>);
    case 'balances':
      return invoke(output, 'accounts.balances', values.refresh === true ? { refresh: true } : {}, (value) => value as Record<string, unknown>);
  }
}

export async function runAccountsCommand(command: AccountsCommand, argv: string[], output: Output = stdout): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
    return await dispatch(output, command, values, positionals);
  } catch (error) {
    if (error instanceof UsageError || error instanceof MoneyError || (error instanceof TypeError && 'code' in error)) {
      output(JSON.stringify({ ok: false, error: { code: 'invalid_input', message: error.message } }));
      return 1;
    }
    throw error;
  }
}
