/**
 * A ledger in memory with the back office over it and a clock the test sets: sales are brought to any state
 * through the ledger's own transitions (the history chain stays valid), at the moments the test chooses.
 */
import { randomUUID } from 'node:crypto';
import type { SaleState } from '../../shared/contract/sales';
import type { User } from '../../shared/contract/auth';
import type { Money } from '../../shared/money';
import { AppError } from '../../shared/errors';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { createJournal } from '../../electron/core/journal/journal';
import { Ledger, type SalePatch } from '../../electron/core/ledger/ledger';
import { DEFAULT_BUSINESS_DAY_RULE } from '../../shared/business-day';
import { createBackofficeModule, type BackofficeModule } from '../../electron/core/backoffice';

/** How to bring a new sale to each state (the sale's life, docs/architecture.md). */
export const PATHS: Record<SaleState, SaleState[]> = {
  created: [],
  queued: ['queued'],
  sending: ['sending'],
  pending: ['sending', 'pending'],
  unknown: ['sending', 'unknown'],
  succeeded: ['sending', 'succeeded'],
  failed: ['sending', 'failed'],
  refund_due: ['sending', 'failed', 'refund_due'],
  refunded: ['sending', 'failed', 'refund_due', 'refunded'],
};

export const OWNER: User = { id: 'u-owner', name: 'Olga', role: 'owner' };

export interface SaleSpec {
  at: string;
  price: number;
  state: SaleState;
  cashier?: string;
  carrier?: string;
  provider?: 'relier' | 'mobisend' | 'liquido';
  cost?: Money;
  rate?: string;
  shiftId?: string;
}

export interface LedgerRig {
  db: Database;
  ledger: Ledger;
  backoffice: BackofficeModule;
  setNow(iso: string): void;
  add(spec: SaleSpec): string;
  /** Moves a sale on from its current state along the legal path to `to`. */
  move(id: string, to: SaleState, detail?: Record<string, unknown>, patch?: SalePatch): void;
  close(): void;
}

export function ledgerRig(viewer: User = OWNER): LedgerRig {
  const db = openDatabase({ file: ':memory:' });
  let now = Date.parse('2026-03-10T18:00:00Z');
  const clock = { now: () => now };
  const ledger = new Ledger(db, clock);
  const journal = createJournal(db, () => new Date(now));
  const backoffice = createBackofficeModule({
    db,
    journal,
    clock,
    viewer: () => viewer,
    currency: () => 'MXN',
    businessDay: () => DEFAULT_BUSINESS_DAY_RULE,
    mode: 'demo',
    verifyOwnerPin: () => Promise.reject(new AppError('forbidden', 'no PINs in this rig')),
  });
  const rig: LedgerRig = {
    db,
    ledger,
    backoffice,
    setNow(iso) {
      now = Date.parse(iso);
    },
    add(spec) {
      const saved = now;
      now = Date.parse(spec.at);
      const id = randomUUID();
      ledger.createSale({
        id,
        requestId: randomUUID(),
        idempotencyKey: randomUUID(),
        cashierId: spec.cashier ?? 'u-ana',
        shiftId: spec.shiftId ?? 'shift-test',
        provider: spec.provider ?? 'relier',
        country: 'MX',
        carrier: spec.carrier ?? 'Telcel',
        sku: null,
        phone: '5512345678',
        price: { minor: Math.round(spec.price * 100), currency: 'MXN' },
      });
      rig.move(id, spec.state, {}, spec.cost ? { cost: spec.cost, exchangeRate: spec.rate ?? null } : {});
      now = saved;
      return id;
    },
    move(id, to, detail = {}, patch = {}) {
      const path = PATHS[to];
      let from = ledger.mustGet(id).state;
      const start = from === 'created' ? 0 : path.indexOf(from) + 1;
      for (const step of path.slice(start)) {
        ledger.transition(id, from, step, step === 'succeeded' ? patch : {}, step === 'refunded' ? JSON.stringify(detail) : null);
        from = step;
      }
    },
    close: () => db.close(),
  };
  return rig;
}
