/**
 * The back office from the command line (issue 13), through the same core and channels as the screens. One JSON
 * line out, exit 0 or 1, data folder from SALDO_DATA_DIR; the command line acts as an owner ('cli').
 *
 *   shift open [--float 500]                              open the drawer (default float: what was left at the last count)
 *   shift cash (--in N | --out N) --reason "…"            cash put in or taken out of the open drawer
 *   shift close --counted 1234.50 [--note "…"] [--owner-pin P]   count the drawer (ends the shift), then the owner's close
 *   shift close [--id ID] --note "…" --owner-pin P        close a shift already counted whose difference needs the owner
 *   shift current                                         the open shift (or the last one counted, awaiting the owner)
 *   report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by cashier|carrier|provider|state|hour|day|shift]
 *   close-day [--date YYYY-MM-DD]                         the Z of a business day (today by default)
 *
 * Amounts are typed as people say them (`--float 500` is 500 MXN); money comes out as {"minor":50000,"currency":"MXN"}.
 */
import { parseArgs } from 'node:util';
import { REPORT_GROUPINGS } from '../../shared/contract/backoffice';
import { MoneyError, moneyFromMajor } from '../../shared/money';
import { loadOfflinePolicy } from '../core/sales/policy';
import type { SaldoCore } from '../core/runtime';
import { withCore } from './ledger-commands';

export const BACKOFFICE_COMMANDS = ['shift', 'report', 'close-day'] as const;

const FLAGS = {
  float: { type: 'string' },
  in: { type: 'string' },
  out: { type: 'string' },
  reason: { type: 'string' },
  counted: { type: 'string' },
  note: { type: 'string' },
  'owner-pin': { type: 'string' },
  id: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  by: { type: 'string' },
  date: { type: 'string' },
} as const;

type Values = { [K in keyof typeof FLAGS]?: string };
type Output = (line: string) => void;
const stdout: Output = (line) => process.stdout.write(`${line}\n`);

class UsageError extends Error {}

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; issues?: string[] } };

function printAnswer(output: Output, answer: Answer, key: string, extra: Record<string, unknown> = {}): number {
  if (!answer.ok) {
    output(JSON.stringify({ ok: false, error: answer.error, ...extra }));
    return 1;
  }
  output(JSON.stringify({ ok: true, [key]: answer.value, ...extra }));
  return 0;
}

const invoke = (core: SaldoCore, channel: string, input: unknown) => core.dispatcher.invoke(channel, input, { host: 'cli' }) as Promise<Answer>;
const shopMoney = (core: SaldoCore, text: string, flag: string) => {
  if (!/^\d+(\.\d{1,2})?$/.test(text.trim())) throw new UsageError(`--${flag} must be an amount such as 500 or 1234.50`);
  return moneyFromMajor(text, loadOfflinePolicy(core.db).maxSale.currency);
};

async function shiftCommand(action: string | undefined, values: Values, output: Output): Promise<number> {
  return withCore(async (core) => {
    switch (action) {
      case 'open':
        return printAnswer(output, await invoke(core, 'shift.open', values.float ? { float: shopMoney(core, values.float, 'float') } : {}), 'shift');
      case 'cash': {
        if (Boolean(values.in) === Boolean(values.out)) throw new UsageError('shift cash needs exactly one of --in or --out');
        if (!values.reason) throw new UsageError('shift cash needs --reason');
        const direction = values.in ? 'in' : 'out';
        const amount = shopMoney(core, values.in ?? values.out ?? '', direction);
        return printAnswer(output, await invoke(core, 'shift.cash', { direction, amount, reason: values.reason }), 'movement');
      }
      case 'close':
        return closeShift(core, values, output);
      case 'current': {
        const answer = await invoke(core, 'shift.current', {});
        if (!answer.ok) return printAnswer(output, answer, 'shift');
        const { shift, suggestedFloat } = answer.value as { shift: unknown; suggestedFloat: unknown };
        return printAnswer(output, { ok: true, value: shift }, 'shift', { suggestedFloat });
      }
      default:
        throw new UsageError('shift needs open, cash, close or current');
    }
  });
}

/** Counting ends the shift (the count is recorded even if the owner's close must wait); then the owner closes it. */
async function closeShift(core: SaldoCore, values: Values, output: Output): Promise<number> {
  let id = values.id;
  if (values.counted) {
    const ended = await invoke(core, 'shift.end', { count: { amount: shopMoney(core, values.counted, 'counted') } });
    if (!ended.ok) return printAnswer(output, ended, 'shift');
    id = (ended.value as { id: string }).id;
  }
  if (!id) {
    const current = await invoke(core, 'shift.current', {});
    const shift = current.ok ? (current.value as { shift: { id: string; state: string } | null }).shift : null;
    if (!shift || shift.state !== 'ended') throw new UsageError('no counted shift awaits the owner: give --counted to count the open one, or --id');
    id = shift.id;
  }
  const closeInput = { id, ...(values.note ? { note: values.note } : {}), ...(values['owner-pin'] ? { ownerPin: values['owner-pin'] } : {}) };
  const closed = await invoke(core, 'shift.close', closeInput);
  if (!closed.ok) {
    // Say what was recorded: the count stands, the owner's close is what is missing.
    const shift = await invoke(core, 'shift.get', { id });
    return printAnswer(output, closed, 'shift', shift.ok ? { shift: (shift.value as { shift: unknown }).shift } : {});
  }
  return printAnswer(output, closed, 'shift');
}

function checkDate(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--${flag} must be a date as YYYY-MM-DD`);
  return value;
}

async function reportCommand(values: Values, output: Output): Promise<number> {
  const by = values.by;
  if (by !== undefined && !(REPORT_GROUPINGS as readonly string[]).includes(by)) throw new UsageError(`--by must be one of ${REPORT_GROUPINGS.join(', ')}`);
  const input = { ...(checkDate(values.from, 'from') ? { from: values.from } : {}), ...(checkDate(values.to, 'to') ? { to: values.to } : {}), ...(by ? { by } : {}) };
  return withCore(async (core) => printAnswer(output, await invoke(core, 'report.get', input), 'report'));
}

async function closeDayCommand(values: Values, output: Output): Promise<number> {
  const date = checkDate(values.date, 'date');
  return withCore(async (core) => printAnswer(output, await invoke(core, 'z.close', date ? { date } : {}), 'z'));
}

/** Runs `shift …`, `report …` or `close-day …` and prints one JSON line; returns the exit status. */
export async function runBackofficeCommand(command: string, argv: string[], output: Output = stdout): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
    const expected = command === 'shift' ? 1 : 0;
    if (positionals.length > expected) throw new UsageError(`unexpected argument "${positionals[expected] ?? ''}"`);
    switch (command) {
      case 'shift':
        return await shiftCommand(positionals[0], values, output);
      case 'report':
        return await reportCommand(values, output);
      case 'close-day':
        return await closeDayCommand(values, output);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof MoneyError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    output(JSON.stringify({ ok: false, error: { code: usage ? 'invalid_input' : 'internal', message: error instanceof Error ? error.message : String(error) } }));
    return 1;
  }
}
