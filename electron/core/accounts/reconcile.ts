/**
 * Reconciliation of one business day with each provider's own records: every sale of the day and every record
 * the provider keeps for it lands in exactly one list — matched, missing at the provider, missing in the ledger,
 * or differs — with what the owner should do. A sale the ledger has as unknown or pending that the provider's
 * record settles (delivered, failed, or accepted) is settled from here when the owner asks, through the
 * sender's status path and so the ledger's state machine: nothing is ever sent again.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { ReconcileAction, ReconcileLine, Reconciliation } from '../../../shared/contract/accounts';
import type { SaleState } from '../../../shared/contract/sales';
import type { Money } from '../../../shared/money';
import type { ProviderAdapter, StatusResult } from '../providers/types';
import { lastFourOnly } from './masking';
import { readProviderRecords, type ProviderRecord, type ProviderRecords } from './provider-records';
import type { AccountsRepository, SaleLine } from './repository';

export const ADVICE: Record<ReconcileAction, string> = {
  none: 'Nothing to do: the ledger and the provider agree.',
  settle: "The provider's records settle this sale: settle it from here (nothing is sent again).",
  settled: "Settled from the provider's records.",
  claim_with_provider: 'The ledger has it delivered but the provider does not: claim it with the provider, giving the folio and time.',
  investigate_unrecorded: 'The provider charged a sale Saldo has no record of: was it made on another PC or outside Saldo? Ask the provider for the detail.',
  check_customer_before_refund: 'The ledger has it failed or owed back but the provider delivered it: check with the customer before paying a refund.',
  check_amount: "The amount or the cost differs: check the provider's statement; the ledger keeps what the provider answered at the time.",
  wait: 'Not settled on either side yet: reconcile again later. Never sell it again to "fix" it.',
  not_sent: 'Not sent to the provider yet (created or queued): nothing to compare.',
};

const OPEN: readonly SaleState[] = ['sending', 'pending', 'unknown'];
const NOT_SENT: readonly SaleState[] = ['created', 'queued'];
const FAILED_FAMILY: readonly SaleState[] = ['failed', 'refund_due', 'refunded'];

type Bucket = 'matched' | 'missingAtProvider' | 'missingInLedger' | 'differs';
interface Classified {
  bucket: Bucket;
  action: ReconcileAction;
  differences: Array<'state' | 'amount' | 'cost'>;
}

const sameMoney = (a: Money | null, b: Money | null): boolean => a === null || b === null || a.currency !== b.currency || a.minor === b.minor;

/** Where one pair (a sale, the provider's record of it) belongs, and what to do about it. Pure. */
export function classify(sale: SaleLine | null, record: ProviderRecord | null): Classified {
  if (!sale) return { bucket: 'missingInLedger', action: 'investigate_unrecorded', differences: [] };
  if (!record) {
    if (NOT_SENT.includes(sale.state)) return { bucket: 'missingAtProvider', action: 'not_sent', differences: [] };
    // A failure the provider has no trace of is consistent: it provably did not process it.
    if (FAILED_FAMILY.includes(sale.state)) return { bucket: 'matched', action: 'none', differences: [] };
    if (sale.state === 'succeeded') return { bucket: 'missingAtProvider', action: 'claim_with_provider', differences: [] };
    return { bucket: 'missingAtProvider', action: 'wait', differences: [] };
  }
  const state = record.state;
  if (OPEN.includes(sale.state)) {
    if (state === 'pending' && sale.state === 'pending') return { bucket: 'matched', action: 'none', differences: [] };
    return { bucket: 'differs', action: sale.state === 'sending' ? 'wait' : 'settle', differences: ['state'] };
  }
  if (NOT_SENT.includes(sale.state)) return { bucket: 'differs', action: 'wait', differences: ['state'] };
  if (sale.state === 'succeeded') {
    if (state === 'pending') return { bucket: 'differs', action: 'wait', differences: ['state'] };
    if (state === 'failed') return { bucket: 'differs', action: 'claim_with_provider', differences: ['state'] };
    const differences: Array<'amount' | 'cost'> = [];
    if (!sameMoney(sale.price, record.amount)) differences.push('amount');
    if (!sameMoney(sale.cost, record.cost)) differences.push('cost');
    return differences.length > 0 ? { bucket: 'differs', action: 'check_amount', differences } : { bucket: 'matched', action: 'none', differences: [] };
  }
  // failed, refund_due, refunded
  if (state === 'failed') return { bucket: 'matched', action: 'none', differences: [] };
  return { bucket: 'differs', action: state === 'succeeded' ? 'check_customer_before_refund' : 'wait', differences: ['state'] };
}

function line(provider: ProviderId, sale: SaleLine | null, record: ProviderRecord | null, classified: Classified): ReconcileLine {
  return {
    provider,
    saleId: sale?.id ?? null,
    providerTransactionId: record?.providerTransactionId ?? sale?.providerTransactionId ?? null,
    phone: sale ? lastFourOnly(sale.phone) : record?.phone ? lastFourOnly(record.phone) : null,
    ledgerState: sale?.state ?? null,
    providerState: record?.state ?? null,
    ledgerAmount: sale?.price ?? null,
    providerAmount: record?.amount ?? null,
    ledgerCost: sale?.cost ?? null,
    providerCost: record?.cost ?? null,
    differences: classified.differences,
    action: classified.action,
    advice: ADVICE[classified.action],
  };
}

/** The status answer a record stands for, for the sender's settle path. */
function statusOf(record: ProviderRecord): StatusResult {
  if (record.status) return record.status;
  return {
    state: record.state,
    providerTransactionId: record.providerTransactionId,
    ...(record.amount ? { amount: record.amount } : {}),
    ...(record.cost ? { cost: record.cost } : {}),
  };
}

export interface ReconcileDeps {
  repository: AccountsRepository;
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>;
  /** The sender's settle path: applies a provider's answer to an unknown/pending sale; returns its new state. */
  settle: (saleId: string, status: StatusResult, via: string) => SaleState;
}

export interface DayWindow {
  date: string;
  startMs: number;
  endMs: number;
}

const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Pairs the day's sales of one provider with its records: by our reference first, then by its transaction id. */
function pairUp(sales: readonly SaleLine[], records: readonly ProviderRecord[], window: DayWindow, complete: boolean): Array<[SaleLine | null, ProviderRecord | null]> {
  const byReference = new Map<string, ProviderRecord>();
  const byTransaction = new Map<string, ProviderRecord>();
  for (const record of records) {
    // A succeeded record wins over a failed one under the same reference (a later attempt under the same key).
    const earlier = record.reference ? byReference.get(record.reference) : undefined;
    if (record.reference && (!earlier || record.state === 'succeeded')) byReference.set(record.reference, record);
    byTransaction.set(record.providerTransactionId, record);
  }
  const used = new Set<ProviderRecord>();
  const pairs: Array<[SaleLine | null, ProviderRecord | null]> = [];
  for (const sale of sales) {
    const record = byReference.get(sale.id) ?? (sale.providerTransactionId ? byTransaction.get(sale.providerTransactionId) : undefined) ?? null;
    if (record) {
      used.add(record);
      for (const other of records) if (other.reference === sale.id) used.add(other);
    }
    pairs.push([sale, record]);
  }
  if (complete) {
    for (const record of records) {
      if (used.has(record)) continue;
      // The provider's dates are UTC: keep only what happened inside the shop's business day.
      if (record.createdMs !== null && (record.createdMs < window.startMs || record.createdMs >= window.endMs)) continue;
      pairs.push([null, record]);
    }
  }
  return pairs;
}

async function reconcileProvider(deps: ReconcileDeps, provider: ProviderId, adapter: ProviderAdapter, window: DayWindow, settle: boolean, into: Reconciliation): Promise<void> {
  const sales = deps.repository.salesOfProvider(provider, window.startMs, window.endMs);
  const records: ProviderRecords = await readProviderRecords(provider, adapter, utcDate(window.startMs), utcDate(window.endMs - 1), sales);
  into.providers.push({ provider, source: records.source, ok: records.ok, error: records.error, ledgerSales: sales.length, providerRecords: records.records.length });
  if (!records.ok) return;
  for (const [sale, record] of pairUp(sales, records.records, window, records.complete)) {
    let classified = classify(sale, record);
    let current = sale;
    if (settle && sale && record && classified.action === 'settle') {
      const state = deps.settle(sale.id, statusOf(record), `reconciliation (${records.source})`);
      if (state !== sale.state) {
        into.settled.push(sale.id);
        current = { ...sale, state };
        classified = { ...classify(current, record), action: 'settled' };
      }
    }
    into[classified.bucket].push(line(provider, current, record, classified));
  }
}

export async function reconcileDay(deps: ReconcileDeps, window: DayWindow, options: { provider?: ProviderId; settle: boolean }): Promise<Reconciliation> {
  const result: Reconciliation = {
    businessDay: window.date,
    from: new Date(window.startMs).toISOString(),
    to: new Date(window.endMs).toISOString(),
    providers: [],
    matched: [],
    missingAtProvider: [],
    missingInLedger: [],
    differs: [],
    settled: [],
  };
  for (const [provider, adapter] of deps.adapters) {
    if (options.provider && options.provider !== provider) continue;
    await reconcileProvider(deps, provider, adapter, window, options.settle, result);
  }
  return result;
}
