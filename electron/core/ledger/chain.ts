/**
 * The hash chain over sale_events: each row's hash is SHA-256 over the previous row's hash and the row's own
 * fields, so editing, deleting, inserting or reordering any row breaks the chain at that row. A sale's terms
 * (price, number, country, carrier) go into its `created` event, so editing them in the sales row is caught too.
 */
import { createHash } from 'node:crypto';
import type { SaleState } from '../../../shared/contract/sales';
import { canTransition } from './state-machine';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  saleId: string;
  at: string;
  fromState: string | null;
  toState: string;
  detail: string | null;
}

export function eventHash(prevHash: string, fields: ChainFields): string {
  const body = JSON.stringify([fields.seq, fields.saleId, fields.at, fields.fromState, fields.toState, fields.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** What the customer paid for: written into the `created` event and checked against the sales row. */
export interface SaleTerms {
  priceMinor: number;
  priceCurrency: string;
  phone: string;
  country: string;
  carrier: string;
}

/** The `created` event's detail: the sale's terms, and the caller's own note if any. */
export function createdDetail(terms: SaleTerms, note: string | null): string {
  if (note === null) return JSON.stringify({ terms });
  // A note that is itself a JSON object (an owner's override, a confirmed repeat) sits beside the terms, so the
  // history reads as one object; any other note is kept as text.
  const parsed = parseObject(note);
  return JSON.stringify(parsed ? { ...parsed, terms } : { terms, note });
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function termsIn(detail: string | null): SaleTerms | null {
  if (!detail) return null; // sales recorded before terms were chained
  try {
    const parsed = JSON.parse(detail) as { terms?: SaleTerms };
    return parsed.terms ?? null;
  } catch {
    return null;
  }
}

const sameTerms = (a: SaleTerms, b: SaleTerms): boolean =>
  a.priceMinor === b.priceMinor && a.priceCurrency === b.priceCurrency && a.phone === b.phone && a.country === b.country && a.carrier === b.carrier;

export interface BrokenLink {
  /** The sequence number of the first row that does not verify (or the one expected where a row is missing). */
  seq: number;
  saleId: string | null;
  reason: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'state_mismatch' | 'illegal_transition' | 'terms_mismatch';
  message: string;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  sales: number;
  firstBroken: BrokenLink | null;
}

/** One sale_events row as stored. */
export interface StoredEvent {
  seq: number;
  sale_id: string;
  at: string;
  from_state: string | null;
  to_state: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** Where the history is read from (the ledger's repository). */
export interface ChainHistory {
  historyInOrder(): IterableIterator<StoredEvent>;
  saleStates(): IterableIterator<{ id: string; state: string } & Partial<SaleTerms>>;
}

/**
 * Walks the whole history in sequence order. Also checks, per sale, that each event starts from the state
 * the previous event of that sale ended in, and that the sale's current state is its last event's.
 */
export function verifyChain(history: ChainHistory): ChainReport {
  const rows = history.historyInOrder();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let events = 0;
  const lastState = new Map<string, string>();
  const recordedTerms = new Map<string, SaleTerms>();
  const fail = (link: BrokenLink): ChainReport => ({ ok: false, events, sales: lastState.size, firstBroken: link });
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return fail({ seq: expectedSeq, saleId: null, reason: 'sequence_gap', message: `event ${expectedSeq} is missing (next row is ${row.seq})` });
    }
    if (row.prev_hash !== prevHash) {
      return fail({ seq: row.seq, saleId: row.sale_id, reason: 'prev_hash_mismatch', message: `event ${row.seq} does not link to event ${row.seq - 1}` });
    }
    const recomputed = eventHash(prevHash, { seq: row.seq, saleId: row.sale_id, at: row.at, fromState: row.from_state, toState: row.to_state, detail: row.detail });
    if (recomputed !== row.hash) {
      return fail({ seq: row.seq, saleId: row.sale_id, reason: 'hash_mismatch', message: `event ${row.seq} was altered (its hash does not match its contents)` });
    }
    const before = lastState.get(row.sale_id) ?? null;
    if (before !== row.from_state) {
      return fail({ seq: row.seq, saleId: row.sale_id, reason: 'state_mismatch', message: `event ${row.seq} starts from ${row.from_state ?? '(new)'} but sale ${row.sale_id} was ${before ?? '(new)'}` });
    }
    if (!canTransition(row.from_state as SaleState | null, row.to_state as SaleState)) {
      return fail({ seq: row.seq, saleId: row.sale_id, reason: 'illegal_transition', message: `event ${row.seq} moves sale ${row.sale_id} ${row.from_state ?? '(new)'} → ${row.to_state}, which the state machine forbids` });
    }
    lastState.set(row.sale_id, row.to_state);
    const terms = row.from_state === null ? termsIn(row.detail) : null;
    if (terms) recordedTerms.set(row.sale_id, terms);
    prevHash = row.hash;
    expectedSeq += 1;
    events += 1;
  }
  for (const sale of history.saleStates()) {
    const last = lastState.get(sale.id);
    if (last !== sale.state) {
      return fail({ seq: expectedSeq, saleId: sale.id, reason: 'state_mismatch', message: `sale ${sale.id} is ${sale.state} but its history ends in ${last ?? '(nothing)'}` });
    }
    const terms = recordedTerms.get(sale.id);
    const stored = { priceMinor: sale.priceMinor ?? NaN, priceCurrency: sale.priceCurrency ?? '', phone: sale.phone ?? '', country: sale.country ?? '', carrier: sale.carrier ?? '' };
    if (terms && !sameTerms(terms, stored)) {
      return fail({ seq: expectedSeq, saleId: sale.id, reason: 'terms_mismatch', message: `sale ${sale.id}'s price, number or carrier differs from what was recorded when it was created` });
    }
  }
  return { ok: true, events, sales: lastState.size, firstBroken: null };
}
