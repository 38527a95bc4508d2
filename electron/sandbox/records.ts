/**
 * What a sandbox received and what it delivered, so a test (in process or over HTTP) can count deliveries per
 * idempotency key or reference and compare them one by one with the ledger.
 */
import type { ProviderId } from '../../shared/contract/app';

export interface RequestRecord {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** The status answered, or what happened instead. */
  outcome: number | 'reset' | 'held' | 'malformed';
  fault?: string;
  idempotencyKey?: string;
  reference?: string;
  phone?: string;
  /** MobiSend: answered from the Idempotency-Key store without processing. */
  replayed?: boolean;
}

/** A sale the sandbox actually delivered (airtime or a bill payment): the thing that must never happen twice. */
export interface DeliveryRecord {
  seq: number;
  at: string;
  provider: ProviderId;
  kind: 'topup' | 'billpay';
  transactionId: string;
  idempotencyKey?: string;
  reference?: string;
  phone?: string;
  /** Integer minor units. */
  amountMinor: number;
  currency: string;
  costMinorUsd?: number;
}

export interface SandboxRecords {
  requests: RequestRecord[];
  deliveries: DeliveryRecord[];
}

export class Recorder {
  private requests: RequestRecord[] = [];
  private deliveries: DeliveryRecord[] = [];
  private nextSeq = 1;

  request(record: Omit<RequestRecord, 'seq' | 'at'>): void {
    this.requests.push({ seq: this.nextSeq++, at: new Date().toISOString(), ...record });
  }

  delivery(record: Omit<DeliveryRecord, 'seq' | 'at'>): void {
    this.deliveries.push({ seq: this.nextSeq++, at: new Date().toISOString(), ...record });
  }

  snapshot(): SandboxRecords {
    return { requests: this.requests.map((item) => ({ ...item })), deliveries: this.deliveries.map((item) => ({ ...item })) };
  }

  clear(): void {
    this.requests = [];
    this.deliveries = [];
  }
}

/** Deliveries per idempotency key (or reference when the provider takes no key). */
export function countDeliveries(records: SandboxRecords, by: 'idempotencyKey' | 'reference'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const delivery of records.deliveries) {
    const key = delivery[by];
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
