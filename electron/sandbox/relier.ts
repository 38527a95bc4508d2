/**
 * Relier as its document describes it: x-api-key + x-customer-id, MXN top-ups of
 * 10–500 paid from a USD balance at 17.0068, sync and async top-ups, status by id, a CSV export behind its own
 * key, 200,000 MXN per number per day, 200 top-ups a minute and 300 requests per 15 minutes, and the test
 * numbers 5500000000 (always succeeds) and 5500000001 (always fails).
 */
import { randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { convertByDividing, money, moneyFromMajor, toMajorNumber, toMajorString } from '../../shared/money';
import { sandboxSecret } from './catalog';
import { DEFAULT_ASYNC_DELAY_MS, DEFAULT_STARTING_BALANCE_USD, type SandboxOptions } from './options';
import { admit, RelierServerLimits, tooManyRequests } from './rate-limits';
import type { Recorder } from './records';
import type { ProviderSimulator, SandboxReply, SandboxRequest } from './simulator';

export const RELIER_TEST_NUMBERS = { alwaysSucceeds: '5500000000', alwaysFails: '5500000001' } as const;
const DEFAULT_RATE = '17.0068';

interface RelierTransaction {
  id: string;
  phone: string;
  amountMinorMxn: number;
  costMinorUsd: number;
  status: 'PENDING' | 'SUCCESS' | 'FAILED';
  reference: string | null;
  operatorTransactionId: string | null;
  createdAt: Date;
  processedAt: Date | null;
}

export class RelierSimulator implements ProviderSimulator {
  readonly provider = 'relier' as const;
  readonly credentials: { apiKey: string; customerId: string; reconcileKey: string };
  private readonly rate: string;
  private readonly startingMinorUsd: number;
  private readonly creditLimitMinorUsd: number;
  private readonly asyncDelayMs: number;
  private readonly dailyLimitMinorMxn: number;
  private readonly limits: RelierServerLimits | undefined;
  private balanceMinorUsd: number;
  private transactions = new Map<string, RelierTransaction>();
  private dailyUsage = new Map<string, number>();
  private timers = new Map<string, NodeJS.Timeout>();
  private nextId = Date.now();

  constructor(
    private readonly recorder: Recorder,
    options: SandboxOptions = {},
  ) {
    this.credentials = {
      apiKey: options.credentials?.apiKey ?? sandboxSecret('relier-key', randomBytes(16).toString('hex')),
      customerId: options.credentials?.customerId ?? `SANDBOX_${randomBytes(3).toString('hex').toUpperCase()}`,
      reconcileKey: options.credentials?.reconcileKey ?? sandboxSecret('relier-reconcile', randomBytes(16).toString('hex')),
    };
    this.rate = options.exchangeRate ?? DEFAULT_RATE;
    this.startingMinorUsd = moneyFromMajor(options.startingBalanceUsd ?? DEFAULT_STARTING_BALANCE_USD, 'USD').minor;
    this.creditLimitMinorUsd = options.creditLimitUsd !== undefined ? moneyFromMajor(options.creditLimitUsd, 'USD').minor : this.startingMinorUsd;
    this.asyncDelayMs = options.asyncDelayMs ?? DEFAULT_ASYNC_DELAY_MS;
    this.dailyLimitMinorMxn = (options.dailyLimitMxn ?? 200_000) * 100;
    this.limits = options.rateLimits === false ? undefined : new RelierServerLimits(options.rateWindowScale ?? 1);
    this.balanceMinorUsd = this.startingMinorUsd;
  }

  phoneOf(request: SandboxRequest): string | undefined {
    const phone = (request.body as { phone?: unknown } | undefined)?.phone;
    return typeof phone === 'string' ? phone : undefined;
  }

  handle(request: SandboxRequest): SandboxReply {
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /health') return { status: 200, json: { status: 'ok', timestamp: new Date().toISOString() } };
    if (route === 'GET /api/admin/reconcile/export') return this.export(request);
    if (!request.path.startsWith('/api/')) return { status: 404, json: { success: false, error: 'Not found' } };
    if (request.headers['x-api-key'] !== this.credentials.apiKey || request.headers['x-customer-id'] !== this.credentials.customerId) {
      return { status: 401, json: { success: false, error: 'Invalid API credentials' } };
    }
    const isTopup = request.method === 'POST' && (request.path === '/api/enviadespensa/topup' || request.path === '/api/enviadespensa/topup-async');
    const admission = this.limits ? admit(this.limits.windowsFor(isTopup)) : { admitted: true as const };
    if (!admission.admitted) return tooManyRequests(admission.retryAfterSeconds, 'Too many requests');
    if (route === 'GET /api/balance') return this.balance();
    if (route === 'POST /api/enviadespensa/topup') return this.topup(request, false);
    if (route === 'POST /api/enviadespensa/topup-async') return this.topup(request, true);
    if (request.method === 'GET' && request.path.startsWith('/api/transaction/')) return this.status(decodeURIComponent(request.path.slice('/api/transaction/'.length)));
    return { status: 404, json: { success: false, error: 'Not found' } };
  }

  serverErrorReply(status: number): SandboxReply {
    return { status, json: { success: false, error: 'Transaction processing failed' } };
  }

  duplicateReply(): SandboxReply {
    return { status: 200, json: { success: false, error: 'POSIBLE DUPLICADO' } };
  }

  settlePending(): void {
    for (const [id, timer] of this.timers) {
      clearTimeout(timer);
      this.finish(id);
    }
  }

  reset(): void {
    this.close();
    this.transactions.clear();
    this.dailyUsage.clear();
    this.balanceMinorUsd = this.startingMinorUsd;
    this.limits?.reset();
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private balance(): SandboxReply {
    return {
      status: 200,
      json: {
        success: true,
        customer_id: this.credentials.customerId,
        company_name: 'Saldo Sandbox',
        current_balance: toMajorNumber(money(this.balanceMinorUsd, 'USD')),
        credit_limit: toMajorNumber(money(this.creditLimitMinorUsd, 'USD')),
        currency: 'USD',
      },
    };
  }

  private topup(request: SandboxRequest, asynchronous: boolean): SandboxReply {
    const parsed = parseTopup(request);
    if ('details' in parsed) return { status: 400, json: { success: false, error: 'Validation failed', details: parsed.details } };
    const { phone, amountMinor, reference } = parsed;
    const withReference = reference ? { reference } : {};

    const costMinorUsd = convertByDividing(money(amountMinor, 'MXN'), this.rate, 'USD', 'half-up').minor;
    const dayKey = `${new Date().toISOString().slice(0, 10)}:${phone}`;
    const used = this.dailyUsage.get(dayKey) ?? 0;
    const refusal = this.refusal(amountMinor, costMinorUsd, used);
    if (refusal) return { ...withReference, ...refusal };

    const transaction: RelierTransaction = {
      id: `RLR${this.nextId++}`,
      phone,
      amountMinorMxn: amountMinor,
      costMinorUsd,
      status: 'PENDING',
      reference,
      operatorTransactionId: null,
      createdAt: new Date(),
      processedAt: null,
    };
    this.transactions.set(transaction.id, transaction);
    // The balance and the day's volume are taken when the sale is accepted and given back if it fails.
    this.balanceMinorUsd -= costMinorUsd;
    this.dailyUsage.set(dayKey, used + amountMinor);

    if (asynchronous) {
      this.timers.set(transaction.id, setTimeout(() => this.finish(transaction.id), this.asyncDelayMs));
      return { ...withReference, status: 200, json: queuedJson(transaction) };
    }
    const balanceBeforeMinorUsd = this.balanceMinorUsd + costMinorUsd;
    this.finish(transaction.id);
    if (transaction.status === 'FAILED') return { ...withReference, status: 500, json: { success: false, error: 'Transaction processing failed' } };
    return { ...withReference, status: 200, json: this.processedJson(transaction, balanceBeforeMinorUsd) };
  }

  /** Not enough balance (403), or the number's daily volume would be exceeded (429); nothing is taken. */
  private refusal(amountMinor: number, costMinorUsd: number, usedTodayMinor: number): SandboxReply | undefined {
    if (costMinorUsd > this.balanceMinorUsd) {
      return {
        status: 403,
        json: {
          success: false,
          error: 'Insufficient balance',
          current_balance_usd: toMajorNumber(money(this.balanceMinorUsd, 'USD')),
          requested_mxn: toMajorNumber(money(amountMinor, 'MXN')),
          required_usd: toMajorNumber(money(costMinorUsd, 'USD')),
          exchange_rate: Number(this.rate),
        },
      };
    }
    if (usedTodayMinor + amountMinor > this.dailyLimitMinorMxn) {
      return {
        status: 429,
        json: {
          success: false,
          error: 'Daily transaction limit exceeded',
          daily_limit_mxn: this.dailyLimitMinorMxn / 100,
          used_today_mxn: toMajorNumber(money(usedTodayMinor, 'MXN')),
          requested_mxn: toMajorNumber(money(amountMinor, 'MXN')),
          available_mxn: toMajorNumber(money(this.dailyLimitMinorMxn - usedTodayMinor, 'MXN')),
        },
      };
    }
    return undefined;
  }

  /** The synchronous top-up's answer once the transaction succeeded. */
  private processedJson(transaction: RelierTransaction, balanceBeforeMinorUsd: number): Record<string, unknown> {
    const usd = toMajorNumber(money(transaction.costMinorUsd, 'USD'));
    const mxn = toMajorNumber(money(transaction.amountMinorMxn, 'MXN'));
    return {
      success: true,
      transaction: {
        id: transaction.id,
        status: 'SUCCESS',
        amount_mxn: mxn,
        amount_usd: usd,
        exchange_rate: Number(this.rate),
        phone: transaction.phone,
        reference: transaction.reference,
        operatorTransactionId: transaction.operatorTransactionId,
        processedAt: transaction.processedAt?.toISOString(),
        currency: 'MXN',
      },
      billing: {
        deducted_usd: usd,
        balance_before_usd: toMajorNumber(money(balanceBeforeMinorUsd, 'USD')),
        balance_after_usd: toMajorNumber(money(this.balanceMinorUsd, 'USD')),
        exchange_rate: Number(this.rate),
      },
      message: `Top-up of ${mxn} MXN processed successfully. $${toMajorString(money(transaction.costMinorUsd, 'USD'))} USD deducted from balance.`,
      remaining_balance: toMajorNumber(money(this.balanceMinorUsd, 'USD')),
    };
  }

  /** Moves a PENDING transaction to its final state; the always-failing test number fails and is refunded. */
  private finish(id: string): void {
    this.timers.delete(id);
    const transaction = this.transactions.get(id);
    if (!transaction || transaction.status !== 'PENDING') return;
    transaction.processedAt = new Date();
    if (transaction.phone === RELIER_TEST_NUMBERS.alwaysFails) {
      transaction.status = 'FAILED';
      this.balanceMinorUsd += transaction.costMinorUsd;
      const dayKey = `${transaction.createdAt.toISOString().slice(0, 10)}:${transaction.phone}`;
      this.dailyUsage.set(dayKey, (this.dailyUsage.get(dayKey) ?? 0) - transaction.amountMinorMxn);
      return;
    }
    transaction.status = 'SUCCESS';
    transaction.operatorTransactionId = `RLR${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    this.recorder.delivery({
      provider: 'relier',
      kind: 'topup',
      transactionId: transaction.id,
      ...(transaction.reference ? { reference: transaction.reference } : {}),
      phone: transaction.phone,
      amountMinor: transaction.amountMinorMxn,
      currency: 'MXN',
      costMinorUsd: transaction.costMinorUsd,
    });
  }

  private status(id: string): SandboxReply {
    const transaction = this.transactions.get(id);
    if (!transaction) return { status: 404, json: { success: false, error: 'Transaction not found' } };
    const usd = toMajorNumber(money(transaction.costMinorUsd, 'USD'));
    return {
      status: 200,
      json: {
        success: true,
        transaction: {
          id: transaction.id,
          transaction_id: transaction.id,
          customer_id: this.credentials.customerId,
          phone: transaction.phone,
          // As in the document: `amount` here is the USD cost, while the async answer's `amount` is MXN.
          amount: usd,
          amount_mxn: toMajorNumber(money(transaction.amountMinorMxn, 'MXN')),
          amount_usd: usd,
          exchange_rate: Number(this.rate),
          status: transaction.status,
          reference: transaction.reference,
          operator_transaction_id: transaction.operatorTransactionId,
          response_time_ms: transaction.processedAt ? transaction.processedAt.getTime() - transaction.createdAt.getTime() : null,
          created_at: transaction.createdAt.toISOString(),
          processed_at: transaction.processedAt?.toISOString() ?? null,
        },
      },
    };
  }

  private export(request: SandboxRequest): SandboxReply {
    if (request.headers['x-reconcile-key'] !== this.credentials.reconcileKey) {
      return { status: 401, json: { success: false, error: 'Invalid reconcile key' } };
    }
    const from = request.query.get('date_from') ?? '';
    const to = request.query.get('date_to') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
      return { status: 400, json: { success: false, error: 'Validation failed', details: ['date_from and date_to must be YYYY-MM-DD'] } };
    }
    const rows = [...this.transactions.values()]
      .filter((transaction) => {
        const day = transaction.createdAt.toISOString().slice(0, 10);
        return day >= from && day <= to;
      })
      .map((transaction) => [
        transaction.id,
        transaction.reference ?? '',
        transaction.phone,
        toMajorString(money(transaction.amountMinorMxn, 'MXN')),
        toMajorString(money(transaction.costMinorUsd, 'USD')),
        this.rate,
        transaction.status,
        transaction.operatorTransactionId ?? '',
        transaction.createdAt.toISOString(),
        transaction.processedAt?.toISOString() ?? '',
      ]);
    const header = ['transaction_id', 'reference', 'phone', 'amount_mxn', 'amount_usd', 'exchange_rate', 'status', 'operator_transaction_id', 'created_at', 'processed_at'];
    return { status: 200, text: stringify([header, ...rows]), contentType: 'text/csv; charset=utf-8' };
  }
}

/** The top-up body as the document requires it, or every reason it is not. */
function parseTopup(request: SandboxRequest): { phone: string; amountMinor: number; reference: string | null } | { details: string[] } {
  const body = (request.bodyIsJson ? request.body : {}) as { phone?: unknown; amount?: unknown; reference?: unknown };
  const details: string[] = [];
  if (typeof body.phone !== 'string' || !/^\d{10}$/.test(body.phone)) details.push('phone must be a 10-digit Mexican number');
  const amountText = typeof body.amount === 'number' || typeof body.amount === 'string' ? String(body.amount) : '';
  const validAmount = /^\d+(\.\d{1,2})?$/.test(amountText);
  const amountMinor = validAmount ? moneyFromMajor(amountText, 'MXN').minor : 0;
  if (!validAmount || amountMinor < 1_000 || amountMinor > 50_000) details.push('amount must be between 10 and 500 MXN');
  if (body.reference !== undefined && body.reference !== null && typeof body.reference !== 'string') details.push('reference must be a string');
  if (details.length > 0) return { details };
  return { phone: body.phone as string, amountMinor, reference: typeof body.reference === 'string' ? body.reference : null };
}

/** The asynchronous top-up's answer: queued, to be asked about at its status URL. */
function queuedJson(transaction: RelierTransaction): Record<string, unknown> {
  return {
    success: true,
    transaction: {
      id: transaction.id,
      status: 'PENDING',
      amount: toMajorNumber(money(transaction.amountMinorMxn, 'MXN')),
      phone: transaction.phone,
      reference: transaction.reference,
      queuedAt: transaction.createdAt.toISOString(),
      currency: 'MXN',
    },
    message: 'Transaction queued for processing',
    check_status_url: `/api/transaction/${transaction.id}`,
  };
}
