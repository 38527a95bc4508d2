/**
 * Sending a sale to a provider and settling what came back; the only code that turns a provider's answer
 * into a state change. Rules: the attempt is committed before the request leaves and its outcome
 * after; a request whose outcome is unknown is never re-sent under a new key, only asked about (status by
 * key or transaction id, the reconciliation export) or replayed under the SAME key where the provider's
 * idempotency makes that safe; a sale moves to another provider only when the first provably did not
 * process it.
 */
import { newId } from '../kernel/ids';
import type { ProviderId } from '../../../shared/contract/app';
import type { Logger } from '../kernel/logger';
import type { CacheStore } from '../ledger/cache';
import type { Clock } from '../kernel/clock';
import type { Ledger, LedgerSale, SalePatch } from '../ledger/ledger';
import type { ProviderAdapter, ProviderError, ProviderResult, StatusResult, TopupResult } from '../providers/types';
import type { ConnectivityTracker } from './connectivity';
import type { SaleState } from '../../../shared/contract/sales';
import { crashPoint } from '../kernel/crash-points';
import { failAndOweBack } from './owed-back';
import { guardLiveKey, type NotProcessedDecision } from './failover';
import { findInOrderHistory, sendSaleRequest } from './operation';

/** How the provider said no: a failed transaction it reported, or an error answer to this request. */
export interface NotProcessedContext {
  /** The provider answered with a transaction in a failed state (for a replay: the original's result). */
  reportedFailed: boolean;
}

export type Decide = (error: ProviderError, sale: LedgerSale, context: NotProcessedContext) => NotProcessedDecision;

export interface SendTarget {
  provider: ProviderId;
  sku: string | null;
  idempotencyKey: string;
  preferAsync?: boolean;
  kind?: 'topup' | 'replay';
  /** Called as soon as the provider's answer (or silence) is in, before the local commit. */
  onAnswered?: () => void;
}

export interface ClaimedSale {
  sale: LedgerSale;
  attemptNo: number;
}

export type SendOutcome =
  | { kind: 'settled'; sale: LedgerSale }
  | { kind: 'requeued'; sale: LedgerSale; error: ProviderError };

export interface SenderDeps {
  ledger: Ledger;
  cache: CacheStore;
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>;
  clock: Clock;
  logger: Logger;
  connectivity: ConnectivityTracker;
  /** Called after every committed state change (events to the renderer). */
  notify(sale: LedgerSale): void;
  /** How long after a Relier-style request without a key its absence from the reconciliation export proves it never arrived. */
  reconcileGraceMs: number;
  /** How long a provider keeps an Idempotency-Key (MobiSend: 24 h); a replay after that is not safe. */
  replayWindowMs: number;
}

function detailJson(fields: Record<string, unknown>): string {
  return JSON.stringify(fields);
}

function thrownAsError(error: unknown): ProviderError {
  return { code: 'outcome_unknown', message: error instanceof Error ? error.message : String(error), outcomeKnown: false, retrySameKeySafe: false };
}

function successPatch(value: TopupResult): SalePatch {
  const patch: SalePatch = { failureCode: null, failureMessage: null };
  if (value.cost) patch.cost = value.cost;
  if (value.exchangeRate) patch.exchangeRate = value.exchangeRate;
  if (value.providerTransactionId) patch.providerTransactionId = value.providerTransactionId;
  if (value.operatorTransactionId) patch.operatorTransactionId = value.operatorTransactionId;
  // Read only for a sale sold as "No sé la compañía"; kept for any sale as the provider named it.
  if (value.carrier) patch.detectedCarrier = value.carrier;
  return patch;
}

/**
 * Who is waiting for a status check: the counter (a customer stands there) or the background poll. While a
 * provider is paced (its client-side rate limiter has no room now), a background check is skipped and asked
 * again at the next poll, so only the counter's checks queue for the next rate slot: they go first. When the
 * limiter has room nobody waits, and background polls are never starved by a busy counter.
 */
export type CheckPriority = 'counter' | 'background';

export class SaleSender {
  constructor(private readonly deps: SenderDeps) {}

  newKey(): string {
    return newId();
  }

  private adapter(provider: ProviderId): ProviderAdapter {
    const adapter = this.deps.adapters.get(provider);
    if (!adapter) throw new Error(`no adapter for ${provider}`);
    return adapter;
  }

  /**
   * One attempt: claim the sale (compare-and-set `from` → sending, attempt recorded, committed), send, and
   * settle. `decide` says what happens when the provider provably did not process it.
   */
  async send(saleId: string, from: SaleState | readonly SaleState[], target: SendTarget, decide: Decide): Promise<SendOutcome> {
    return this.dispatch(this.claim(saleId, from, target), target, decide);
  }

  /**
   * Takes the sale for sending: compare-and-set into `sending` with the attempt recorded, committed before
   * anything leaves. Several claims may share one transaction (the drain claims a burst with one fsync).
   */
  claim(saleId: string, from: SaleState | readonly SaleState[], target: SendTarget): ClaimedSale {
    const kind = target.kind ?? 'topup';
    this.adapter(target.provider);
    const claimed = this.deps.ledger.claimForSending(
      saleId,
      from,
      { provider: target.provider, idempotencyKey: target.idempotencyKey, kind, sku: target.sku },
      detailJson({ attempt: 'pending-send', provider: target.provider, kind }),
    );
    return claimed;
  }

  /** Sends a claimed sale (its claim already committed) and settles the answer. */
  async dispatch(claimed: ClaimedSale, target: SendTarget, decide: Decide): Promise<SendOutcome> {
    const { sale, attemptNo } = claimed;
    const adapter = this.adapter(target.provider);
    this.deps.notify(sale);
    const bill = sale.kind === 'bill';
    crashPoint(bill ? 'bill-after-commit-before-send' : 'after-commit-before-send');
    let result: ProviderResult<TopupResult>;
    try {
      // A top-up, a bundle or a bill payment (operation.ts): one claim, one send, one settle for every kind.
      result = await sendSaleRequest(adapter, sale, target, () => crashPoint(bill ? 'bill-after-send-before-answer' : 'after-send-before-answer'));
    } catch (error) {
      result = { ok: false, error: thrownAsError(error) };
    }
    target.onAnswered?.();
    crashPoint(bill ? 'bill-after-provider-before-local-commit' : 'after-provider-before-local-commit');
    this.deps.connectivity.observe(target.provider, result);
    return this.commitSoon(() => this.settle(sale.id, attemptNo, target.provider, result, decide));
  }

  private queued: Array<{ run: () => SendOutcome; resolve: (outcome: SendOutcome) => void; reject: (error: unknown) => void }> = [];
  private flushScheduled = false;

  /**
   * Group commit: outcomes that arrive together (a drain's burst of answers) are committed in one transaction
   * (one fsync) on the next turn of the event loop, each in its own savepoint. A caller's promise resolves
   * only after its outcome is durable.
   */
  private commitSoon(run: () => SendOutcome): Promise<SendOutcome> {
    return new Promise((resolve, reject) => {
      this.queued.push({ run, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queued.splice(0);
    const results: Array<{ ok: true; outcome: SendOutcome } | { ok: false; error: unknown }> = [];
    try {
      this.deps.ledger.transaction(() => {
        for (const item of batch) {
          try {
            results.push({ ok: true, outcome: this.deps.ledger.transaction(item.run) });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const result = results[index];
      if (!result) return item.reject(new Error('group commit lost an outcome'));
      if (!result.ok) return item.reject(result.error);
      this.deps.notify(result.outcome.sale);
      item.resolve(result.outcome);
    });
  }

  /** Commits the outcome of attempt `attemptNo` (which left the sale in `sending`) in one transaction. */
  private settle(
    saleId: string,
    attemptNo: number,
    provider: ProviderId,
    result: ProviderResult<TopupResult>,
    decide: Decide,
  ): SendOutcome {
    const { ledger } = this.deps;
    return ledger.transaction((): SendOutcome => {
      if (result.ok && result.value.state !== 'failed') {
        const value = result.value;
        ledger.finishAttempt(saleId, attemptNo, { outcome: value.state });
        const sale = ledger.transition(saleId, 'sending', value.state, successPatch(value), detailJson({ attempt: attemptNo, provider, result: value.state }));
        return { kind: 'settled', sale };
      }
      const error: ProviderError = result.ok
        ? { ...(result.value.failure ?? { code: 'provider_error', message: 'the provider reported the top-up failed', outcomeKnown: true, retrySameKeySafe: false }), outcomeKnown: true }
        : result.error;
      const ptid = result.ok ? result.value.providerTransactionId ?? error.providerTransactionId : error.providerTransactionId;
      if (!error.outcomeKnown) {
        ledger.finishAttempt(saleId, attemptNo, { outcome: 'unknown', errorCode: error.code, errorMessage: error.message, httpStatus: error.httpStatus ?? null });
        const patch: SalePatch = { failureCode: error.code, failureMessage: error.message };
        if (ptid) patch.providerTransactionId = ptid;
        const sale = ledger.transition(saleId, 'sending', 'unknown', patch, detailJson({ attempt: attemptNo, provider, result: 'unknown', code: error.code }));
        return { kind: 'settled', sale };
      }
      ledger.finishAttempt(saleId, attemptNo, {
        outcome: result.ok ? 'failed' : 'not_processed',
        errorCode: error.code,
        errorMessage: error.message,
        httpStatus: error.httpStatus ?? null,
      });
      const current = ledger.mustGet(saleId);
      // A failed transaction the provider reports (a result, or an error carrying the id of the order it created
      // and failed: MobiSend's failed order, Liquido FAILED) is about this key, not just about this request.
      const reportedFailed = result.ok || Boolean(error.providerTransactionId);
      // This key went out before with no answer (a crash, a lost reply) and the sale was re-queued because the
      // provider did not know it yet: that request could still land.
      const keyMayBeLive = ledger
        .attempts(saleId)
        .some((attempt) => attempt.attemptNo !== attemptNo && attempt.idempotencyKey === current.idempotencyKey && (attempt.outcome === 'unknown' || attempt.outcome === 'interrupted'));
      const decided = decide(error, current, { reportedFailed });
      const decision = keyMayBeLive ? guardLiveKey(decided, { provider, sku: current.sku }, reportedFailed) : decided;
      if (decision.to === 'unknown') {
        const sale = ledger.transition(saleId, 'sending', 'unknown', {}, detailJson({ attempt: attemptNo, provider, result: 'no_answer_for_replay', code: error.code, why: decision.detail }));
        return { kind: 'settled', sale };
      }
      if (decision.to === 'failed') {
        const patch: SalePatch = { failureCode: decision.code, failureMessage: decision.message };
        if (ptid) patch.providerTransactionId = ptid;
        const sale = failAndOweBack(ledger, saleId, 'sending', patch, detailJson({ attempt: attemptNo, provider, result: 'failed', code: error.code }));
        return { kind: 'settled', sale };
      }
      const patch: SalePatch = { provider: decision.provider, sku: decision.sku, failureCode: error.code, failureMessage: error.message };
      if (decision.newKey) patch.idempotencyKey = this.newKey();
      const sale = ledger.transition(saleId, 'sending', 'queued', patch, detailJson({ attempt: attemptNo, provider, result: 'not_processed', code: error.code, next: decision.provider, why: decision.detail }));
      return { kind: 'requeued', sale, error };
    });
  }

  /**
   * Settles a `pending` or `unknown` sale without sending anything new, where the provider can be asked;
   * replays the same key where the provider's idempotency makes that safe. Leaves it for a person otherwise.
   * Returns the sale as it now stands.
   */
  async resolve(saleId: string, priority: CheckPriority = 'counter'): Promise<LedgerSale> {
    const sale = this.deps.ledger.mustGet(saleId);
    if (sale.state !== 'unknown' && sale.state !== 'pending') return sale;
    const adapter = this.deps.adapters.get(sale.provider);
    if (!adapter) return sale;
    const paced = (adapter.rateLimits?.request.msUntilFree() ?? 0) > 0;
    if (priority === 'background' && paced) return sale;
    return this.resolveWith(sale, adapter);
  }

  /**
   * Settles an `unknown` or `pending` sale from a provider's record found elsewhere (the owner's reconciliation
   * of a day): the same moves as a status answer, nothing sent. Any other state is left as it is.
   */
  settleFromRecord(saleId: string, status: StatusResult, via: string): LedgerSale {
    const sale = this.deps.ledger.mustGet(saleId);
    if (sale.state !== 'unknown' && sale.state !== 'pending') return sale;
    return this.applyStatus(sale, status, via);
  }

  private async resolveWith(sale: LedgerSale, adapter: ProviderAdapter): Promise<LedgerSale> {
    const { ledger } = this.deps;
    const saleId = sale.id;
    const caps = adapter.capabilities;

    if (caps.statusByKey || (caps.statusById && sale.providerTransactionId)) {
      let status: ProviderResult<StatusResult>;
      try {
        status = await adapter.status({
          idempotencyKey: sale.idempotencyKey,
          reference: sale.id,
          ...(sale.providerTransactionId ? { providerTransactionId: sale.providerTransactionId } : {}),
        });
      } catch (error) {
        status = { ok: false, error: thrownAsError(error) };
      }
      this.deps.connectivity.observe(sale.provider, status);
      if (status.ok) return this.applyStatus(sale, status.value, 'status');
      if (sale.state === 'pending') return sale;
    }
    if (sale.state === 'pending') return sale;

    const lastAttempt = ledger.attempts(saleId).at(-1);
    const sentAt = lastAttempt ? Date.parse(lastAttempt.startedAt) : sale.createdMs;
    const age = this.deps.clock.now() - sentAt;

    if (caps.idempotency === 'header' && age < this.deps.replayWindowMs) {
      // MobiSend: the same Idempotency-Key within 24 h answers with the original result, never a second top-up.
      const outcome = await this.send(
        saleId,
        'unknown',
        { provider: sale.provider, sku: sale.sku, idempotencyKey: sale.idempotencyKey, kind: 'replay' },
        (error, _sale, context) =>
          context.reportedFailed
            ? { to: 'failed', code: error.code, message: error.message }
            : { to: 'unknown', detail: 'the replay itself was refused; the original request is still unaccounted for' },
      );
      return outcome.sale;
    }

    // MobiSend beyond its 24 h replay window: its order history lists the sale by our reference.
    const listed = caps.orderHistory ? await findInOrderHistory(adapter, sale, sentAt, this.deps.clock.now()).catch(() => undefined) : undefined;
    if (listed) return this.applyStatus(sale, listed, 'order history');

    if (caps.reconciliationExport && adapter.reconcile) {
      const from = new Date(sentAt - 24 * 3600_000).toISOString().slice(0, 10);
      const to = new Date(this.deps.clock.now() + 24 * 3600_000).toISOString().slice(0, 10);
      let rows;
      try {
        rows = await adapter.reconcile(from, to);
      } catch (error) {
        rows = { ok: false as const, error: thrownAsError(error) };
      }
      if (rows.ok) {
        const row = rows.value.find((candidate) => candidate.reference === sale.id || (sale.providerTransactionId !== null && candidate.providerTransactionId === sale.providerTransactionId));
        if (row) {
          return this.applyStatus(sale, { state: row.state, providerTransactionId: row.providerTransactionId, ...(row.cost ? { cost: row.cost } : {}) }, 'reconciliation export');
        }
        // Absence proves nothing about an export that may be cut short: only when the export also lists a
        // transaction of ours sent well after this request (so it covers that moment), and the grace has passed.
        if (age >= this.deps.reconcileGraceMs) {
          const listed = new Set(rows.value.map((candidate) => candidate.providerTransactionId));
          const later = ledger.knownTransactionsSince(sale.provider, new Date(sentAt + this.deps.reconcileGraceMs).toISOString());
          if (later.some((id) => listed.has(id))) return this.applyStatus(sale, { state: 'not_found' }, 'reconciliation export');
        }
      }
    }
    return sale;
  }

  private applyStatus(sale: LedgerSale, status: StatusResult, via: string): LedgerSale {
    const { ledger } = this.deps;
    const from = sale.state;
    const detail = (result: string): string => detailJson({ resolvedBy: via, result });
    let next: LedgerSale = sale;
    try {
      next = ledger.transaction(() => {
        if (status.state === 'not_found') {
          if (from !== 'unknown') return sale;
          // Provably never processed: back to the queue under the SAME key (a late duplicate is still caught).
          return ledger.transition(sale.id, 'unknown', 'queued', {}, detail('not_found'));
        }
        if (status.state === 'pending') {
          if (from === 'pending') return sale;
          return ledger.transition(sale.id, from, 'pending', status.providerTransactionId ? { providerTransactionId: status.providerTransactionId } : {}, detail('pending'));
        }
        if (status.state === 'succeeded') return ledger.transition(sale.id, from, 'succeeded', successPatch(status), detail('succeeded'));
        const failure = status.failure;
        const patch: SalePatch = { failureCode: failure?.code ?? 'provider_error', failureMessage: failure?.message ?? 'the provider reported the top-up failed' };
        if (status.providerTransactionId) patch.providerTransactionId = status.providerTransactionId;
        return failAndOweBack(ledger, sale.id, from, patch, detail('failed'));
      });
    } catch (error) {
      this.deps.logger.warn('sales.resolve_conflict', { saleId: sale.id, error: String(error) });
      return ledger.mustGet(sale.id);
    }
    if (next !== sale) this.deps.notify(next);
    return next;
  }
}
