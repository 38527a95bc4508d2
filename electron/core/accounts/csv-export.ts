/**
 * The CSV of sales: one row per sale, made to open in a spreadsheet in Spanish and in English locales alike:
 * - UTF-8 with a byte-order mark, so Excel reads "Telcel Bárbara" as UTF-8 and not as its ANSI code page;
 * - comma-separated, CRLF line ends (RFC 4180); text fields quoted, numbers not;
 * - amounts as decimals with a dot and no thousands separator ("1234.50"), a currency column beside each, and the
 *   same amount in whole centavos (`*_minor`): an integer reads the same in every locale, so a spreadsheet set to a
 *   comma-decimal locale (es-ES) can still sum the centavos column exactly;
 * - times twice: the shop's wall clock ("2026-11-30 14:05:09", which spreadsheets read as a date-time) and UTC ISO;
 * - a text field that starts with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
 * Phone numbers keep their last four digits unless the owner asked for full numbers.
 */
import { stringify } from 'csv-stringify/sync';
import type { BusinessDayRule } from '../../../shared/business-day';
import { toMajorString } from '../../../shared/money';
import { lastFourOnly } from './masking';
import type { SaleLine } from './repository';

export const SALES_CSV_COLUMNS = [
  'sale_id',
  'business_day',
  'created_local',
  'created_utc',
  'updated_utc',
  'cashier_id',
  'cashier',
  'shift_id',
  'provider',
  'country',
  'carrier',
  'sku',
  'kind',
  'phone',
  'amount',
  'amount_minor',
  'currency',
  'cost',
  'cost_minor',
  'cost_currency',
  'exchange_rate',
  'state',
  'folio',
  'provider_transaction_id',
  'operator_transaction_id',
  'failure_code',
] as const;

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export interface SalesCsvOptions {
  fullNumbers: boolean;
  rule: BusinessDayRule;
  /** The cashier's name for an id (null when unknown). */
  userName: (id: string) => string | null;
}

/** Neutralises spreadsheet formulas in text written by people (cashier names, carriers, references). */
export function safeText(value: string | null): string {
  if (value === null) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const HOUR_MS = 3_600_000;

/**
 * "YYYY-MM-DD HH:MM:SS" on the shop's wall clock. The zone's offset is asked of Intl once per hour of the export
 * (offsets change only on hour boundaries in every zone Saldo sells in) and applied by arithmetic: formatting
 * every row through Intl was most of an export's time.
 */
function localTimeFormatter(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  let cachedHour = Number.NaN;
  let offsetMs = 0;
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    if (hour !== cachedHour) {
      const at = hour * HOUR_MS;
      const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
      offsetMs = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - at;
      cachedHour = hour;
    }
    const wall = new Date(ms + offsetMs).toISOString();
    return `${wall.slice(0, 10)} ${wall.slice(11, 19)}`;
  };
}

function row(sale: SaleLine, options: SalesCsvOptions, localTime: (ms: number) => string, businessDay: (ms: number) => string, names: Map<string, string>): unknown[] {
  let cashier = names.get(sale.cashierId);
  if (cashier === undefined) {
    cashier = options.userName(sale.cashierId) ?? '';
    names.set(sale.cashierId, cashier);
  }
  return [
    sale.id,
    businessDay(sale.createdMs),
    localTime(sale.createdMs),
    sale.createdAt,
    sale.updatedAt,
    sale.cashierId,
    safeText(cashier),
    sale.shiftId,
    sale.provider,
    sale.country,
    safeText(sale.carrier),
    safeText(sale.sku),
    safeText(sale.kind),
    options.fullNumbers ? sale.phone : lastFourOnly(sale.phone),
    toMajorString(sale.price),
    sale.price.minor,
    sale.price.currency,
    sale.cost ? toMajorString(sale.cost) : '',
    sale.cost ? sale.cost.minor : '',
    sale.cost?.currency ?? '',
    sale.exchangeRate ?? '',
    sale.state,
    safeText(sale.providerTransactionId),
    safeText(sale.providerTransactionId),
    safeText(sale.operatorTransactionId),
    sale.failureCode ?? '',
  ];
}

/** The business day's date of an instant, cached per day boundary (exports walk sales in time order). */
function businessDayCache(dayOf: (ms: number) => { date: string; startMs: number; endMs: number }): (ms: number) => string {
  let current: { date: string; startMs: number; endMs: number } | null = null;
  return (ms) => {
    if (!current || ms < current.startMs || ms >= current.endMs) current = dayOf(ms);
    return current.date;
  };
}

const CHUNK_ROWS = 2000;

/** The CSV text of the sales given (BOM first), and how many data rows it has. */
export function salesCsv(sales: Iterable<SaleLine>, options: SalesCsvOptions, dayOf: (ms: number) => { date: string; startMs: number; endMs: number }): { text: string; rows: number } {
  const localTime = localTimeFormatter(options.rule.timeZone);
  const businessDay = businessDayCache(dayOf);
  const names = new Map<string, string>();
  const stringifyOptions = { quoted_string: true, record_delimiter: 'windows' as const };
  const parts: string[] = [UTF8_BOM, stringify([SALES_CSV_COLUMNS as unknown as string[]], stringifyOptions)];
  let chunk: unknown[][] = [];
  let rows = 0;
  for (const sale of sales) {
    chunk.push(row(sale, options, localTime, businessDay, names));
    rows += 1;
    if (chunk.length === CHUNK_ROWS) {
      parts.push(stringify(chunk, stringifyOptions));
      chunk = [];
    }
  }
  if (chunk.length > 0) parts.push(stringify(chunk, stringifyOptions));
  return { text: parts.join(''), rows };
}
