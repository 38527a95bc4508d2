/** What MobiSend offers beyond top-ups (bill payment, order history), as the adapter returns it. */
import type { Money } from '../../../shared/money';
import type { TopupState } from './types';

export interface Biller {
  id: string;
  billerCode: string;
  name: string;
  category?: string;
  country?: string;
  rushAvailable: boolean;
}

export interface BillerSearch {
  search?: string;
  country?: string;
  category?: string;
  page?: number;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface BillPaymentRequest {
  idempotencyKey: string;
  reference: string;
  /** The biller code from the billers search. */
  billerCode: string;
  accountNumber: string;
  amount: Money;
  rush?: boolean;
  firstName?: string;
  lastName?: string;
  zipCode?: string;
}

export interface BillPaymentResult {
  state: TopupState;
  providerTransactionId: string;
  biller?: string;
  amount: Money;
  fee?: Money;
  total?: Money;
  confirmationCode?: string;
}

export interface OrderFilter {
  startDate?: string;
  endDate?: string;
  status?: 'success' | 'failed';
  limit?: number;
  offset?: number;
}

export interface MobiSendOrder {
  id: string;
  state: TopupState;
  type: string;
  phone?: string;
  country?: string;
  carrier?: string;
  amount?: Money;
  cost?: Money;
  reference?: string;
  processedAt?: string;
  createdAt?: string;
}

/** What this adapter can do; test fakes reuse it so they cannot drift from the real adapter. */
