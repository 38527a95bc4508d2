/**
 * Start-up recovery, before the first new sale. Local phase (synchronous, no network): a sale left `created`
 * never reached a provider (its attempt is recorded before anything is sent), so it is queued; a sale left
 * `sending` may have reached one, so it becomes `unknown` — never blindly re-sent. Resolution phase: every
 * `unknown` (and `pending`) sale is asked about by the rules in SaleSender.resolve.
 */
import type { Ledger, LedgerSale } from '../ledger/ledger';
import type { Logger } from '../kernel/logger';
import { crashPoint } from '../kernel/crash-points';
import type { SaleSender } from './sender';

export interface RecoveryReport {
  requeued: number;
  markedUnknown: number;
  resolved: number;
  stillUnknown: number;
  stillPending: number;
}

export function recoverLocal(ledger: Ledger, notify: (sale: LedgerSale) => void): { requeued: number; markedUnknown: number } {
  let requeued = 0;
  let markedUnknown = 0;
  for (const sale of ledger.inStates(['created', 'sending'])) {
    crashPoint('during-recovery');
    if (sale.state === 'created') {
      notify(ledger.transition(sale.id, 'created', 'queued', {}, JSON.stringify({ recovered: 'never sent: the process stopped before the attempt was recorded' })));
      requeued += 1;
      continue;
    }
    const updated = ledger.transaction(() => {
      const open = ledger.attempts(sale.id).filter((attempt) => attempt.outcome === null);
      for (const attempt of open) ledger.finishAttempt(sale.id, attempt.attemptNo, { outcome: 'interrupted', errorMessage: 'the process stopped while this request may have been in flight' });
      return ledger.transition(sale.id, 'sending', 'unknown', { failureCode: 'outcome_unknown', failureMessage: 'interrupted while sending; the request may have reached the provider' }, JSON.stringify({ recovered: 'interrupted while sending' }));
    });
    notify(updated);
    markedUnknown += 1;
  }
  return { requeued, markedUnknown };
}

/**
 * Resolves `unknown` and `pending` sales with at most `concurrency` provider calls in flight, in the background:
 * a provider the counter is asking, or one being paced, is left for the next pass.
 */
export async function resolveAwaiting(ledger: Ledger, sender: SaleSender, logger: Logger, concurrency = 8): Promise<{ resolved: number; stillUnknown: number; stillPending: number }> {
  const sales = ledger.inStates(['unknown', 'pending']);
  let resolved = 0;
  let index = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const sale = sales[index++];
      if (!sale) return;
      crashPoint('during-recovery');
      try {
        const after = await sender.resolve(sale.id, 'background');
        if (after.state !== sale.state) resolved += 1;
      } catch (error) {
        logger.warn('sales.resolve_failed', { saleId: sale.id, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, sales.length)) }, worker));
  return { resolved, stillUnknown: ledger.countInStates(['unknown']), stillPending: ledger.countInStates(['pending']) };
}
