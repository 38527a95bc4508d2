/**
 * Reading each provider's own record of a window of days, the way that provider keeps it:
 * - Relier: its reconciliation export (CSV, every transaction of the dates, our sale id as reference);
 * - MobiSend: its order history (`GET /orders`, offset-paged, at most 200 a page);
 * - Liquido: no list at all, so each of the ledger's sales is asked for by its idempotency key. A sale Liquido made
 *   that the ledger never recorded cannot be found this way; the answer says so (source `status_by_key`).
 * Nothing here writes: it only reads and normalises into ProviderRecord.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { ErrorCode } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { MobiSendAdapter } from '../providers/mobisend';
import type { ProviderAdapter, ProviderError, StatusResult, TopupState } from '../providers/types';
import type { SaleLine } from './repository';

export interface ProviderRecord {
  providerTransactionId: string;
  /** Our sale id when the provider keeps the reference we sent. */
  reference: string | null;
  phone: string | null;
  amount: Money | null;
  cost: Money | null;
  state: TopupState;
  createdMs: number | null;
  /** Liquido: the whole status answer, used as is when settling a sale from it. */
  status?: StatusResult;
}

export type RecordsSource = 'reconciliation_export' | 'orders_list' | 'status_by_key' | 'none';

export interface ProviderRecords {
  source: RecordsSource;
  ok: boolean;
  error: { code: ErrorCode; message: string } | null;
  records: ProviderRecord[];
  /** status_by_key: the sale ids the provider answered "no such transaction" for. */
  notFound: Set<string>;
  /** Whether the list covers every transaction of the window (so a record absent from the ledger can be found). */
  complete: boolean;
}

const ORDERS_PAGE = 200;
/** 200 pages of 200: 40,000 orders, far more than a kiosk sells in the two or three days asked for. */
const MAX_ORDER_PAGES = 200;

function failedRead(source: RecordsSource, error: ProviderError | { code: ErrorCode; message: string }): ProviderRecords {
  return { source, ok: false, error: { code: error.code, message: error.message }, records: [], notFound: new Set(), complete: false };
}

function timeOf(text: string | undefined): number | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

async function relierRecords(adapter: ProviderAdapter, fromDate: string, toDate: string): Promise<ProviderRecords> {
  if (!adapter.reconcile) return failedRead('reconciliation_export', { code: 'not_supported', message: 'Relier reconciliation export not available' });
  const rows = await adapter.reconcile(fromDate, toDate);
  if (!rows.ok) return failedRead('reconciliation_export', rows.error);
  const records = rows.value.map((row) => ({
    providerTransactionId: row.providerTransactionId,
    reference: row.reference ?? null,
    phone: row.phone,
    amount: row.amount,
    cost: row.cost ?? null,
    state: row.state,
    createdMs: timeOf(row.createdAt),
  }));
  return { source: 'reconciliation_export', ok: true, error: null, records, notFound: new Set(), complete: true };
}

function isMobiSend(adapter: ProviderAdapter): adapter is ProviderAdapter & Pick<MobiSendAdapter, 'orders'> {
  return typeof (adapter as Partial<MobiSendAdapter>).orders === 'function';
}

async function mobiSendRecords(adapter: ProviderAdapter, fromDate: string, toDate: string): Promise<ProviderRecords> {
  if (!isMobiSend(adapter)) return failedRead('orders_list', { code: 'not_supported', message: 'MobiSend order history not available' });
  const records: ProviderRecord[] = [];
  for (let page = 0; page < MAX_ORDER_PAGES; page += 1) {
    const result = await adapter.orders({ startDate: fromDate, endDate: toDate, limit: ORDERS_PAGE, offset: page * ORDERS_PAGE });
    if (!result.ok) return failedRead('orders_list', result.error);
    for (const order of result.value.items) {
      if (order.type !== 'topup') continue;
      records.push({
        providerTransactionId: order.id,
        reference: order.reference ?? null,
        phone: order.phone ?? null,
        amount: order.amount ?? null,
        cost: order.cost ?? null,
        state: order.state,
        createdMs: timeOf(order.createdAt ?? order.processedAt),
      });
    }
    if (result.value.items.length < ORDERS_PAGE || (page + 1) * ORDERS_PAGE >= result.value.total) {
      return { source: 'orders_list', ok: true, error: null, records, notFound: new Set(), complete: true };
    }
  }
  return { source: 'orders_list', ok: true, error: null, records, notFound: new Set(), complete: false };
}

/** Sales that never left (created, queued without an attempt answer) are still asked: a key is cheap to look up. */
async function statusByKeyRecords(adapter: ProviderAdapter, sales: readonly SaleLine[]): Promise<ProviderRecords> {
  const records: ProviderRecord[] = [];
  const notFound = new Set<string>();
  for (const sale of sales) {
    const answer = await adapter.status({ idempotencyKey: sale.idempotencyKey, reference: sale.id, ...(sale.providerTransactionId ? { providerTransactionId: sale.providerTransactionId } : {}) });
    if (!answer.ok) return failedRead('status_by_key', answer.error);
    const status = answer.value;
    if (status.state === 'not_found') {
      notFound.add(sale.id);
      continue;
    }
    records.push({
      providerTransactionId: status.providerTransactionId ?? sale.providerTransactionId ?? `key:${sale.idempotencyKey}`,
      reference: sale.id,
      phone: null,
      amount: status.amount ?? null,
      cost: status.cost ?? null,
      state: status.state,
      createdMs: null,
      status,
    });
  }
  return { source: 'status_by_key', ok: true, error: null, records, notFound, complete: false };
}

/** The provider's records for the UTC dates fromDate..toDate (and, for Liquido, for each of these sales). */
export async function readProviderRecords(provider: ProviderId, adapter: ProviderAdapter, fromDate: string, toDate: string, sales: readonly SaleLine[]): Promise<ProviderRecords> {
  try {
    if (provider === 'relier') return await relierRecords(adapter, fromDate, toDate);
    if (provider === 'mobisend') return await mobiSendRecords(adapter, fromDate, toDate);
    return await statusByKeyRecords(adapter, sales);
  } catch (error) {
    return failedRead('none', { code: 'provider_error', message: error instanceof Error ? error.message : String(error) });
  }
}
