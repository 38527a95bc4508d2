/**
 * What a sale asks of its provider, by kind: a top-up or bundle sends its face value (the USD of an
 * international top-up, not the pesos charged) and omits the carrier the provider is to detect; a bill payment
 * goes to MobiSend's bill-pay endpoint under the sale's Idempotency-Key. Either answer is read as a
 * TopupResult, so the sender's guarantees (claim before send, settle once, resolve never blindly) are the same.
 * Also the last resort for an unknown outcome: the provider's order history, searched for the sale's reference.
 */
import type { Money } from '../../../shared/money';
import type { LedgerSale } from '../ledger/ledger';
import type { BillPaymentRequest, BillPaymentResult, MobiSendOrder, OrderFilter, Page } from '../providers/mobisend-types';
import { knownFailure } from '../providers/provider-error';
import type { ProviderAdapter, ProviderResult, StatusResult, TopupResult } from '../providers/types';

export interface SaleRequestTarget {
  idempotencyKey: string;
  sku: string | null;
  preferAsync?: boolean;
}

/** An adapter that pays bills (MobiSend). */
interface BillPayer {
  billpay(request: BillPaymentRequest): Promise<ProviderResult<BillPaymentResult>>;
}

/** An adapter with an order history that carries our reference (MobiSend). */
interface OrderHistory {
  orders(filter: OrderFilter): Promise<ProviderResult<Page<MobiSendOrder>>>;
}

export function canPayBills(adapter: ProviderAdapter): adapter is ProviderAdapter & BillPayer {
  return adapter.capabilities.billPayment && typeof (adapter as Partial<BillPayer>).billpay === 'function';
}

function hasOrderHistory(adapter: ProviderAdapter): adapter is ProviderAdapter & OrderHistory {
  return adapter.capabilities.orderHistory && typeof (adapter as Partial<OrderHistory>).orders === 'function';
}

/** What the provider is asked to send: the face value where it differs from the price (USD abroad, a bill's amount). */
export function amountToSend(sale: LedgerSale): Money {
  return sale.faceValue ?? sale.price;
}

/** Sends `sale` once to `adapter` under `target.idempotencyKey`. Throws only what the adapter throws. */
export async function sendSaleRequest(adapter: ProviderAdapter, sale: LedgerSale, target: SaleRequestTarget, onSent: () => void): Promise<ProviderResult<TopupResult>> {
  if (sale.kind === 'bill') {
    const bill = sale.bill;
    if (!bill || !canPayBills(adapter)) return { ok: false, error: { ...knownFailure('not_supported', `${adapter.id} does not pay bills`), notSent: true } };
    const request = adapter.billpay({ idempotencyKey: target.idempotencyKey, reference: sale.id, billerCode: bill.billerCode, accountNumber: bill.accountNumber, amount: bill.amount, rush: bill.rush });
    onSent();
    const result = await request;
    if (!result.ok) return result;
    const paid = result.value;
    return {
      ok: true,
      value: {
        state: paid.state,
        providerTransactionId: paid.providerTransactionId,
        ...(paid.confirmationCode ? { operatorTransactionId: paid.confirmationCode } : {}),
        amount: paid.amount,
        ...(paid.total ? { cost: paid.total } : {}),
      },
    };
  }
  const request = adapter.topup({
    idempotencyKey: target.idempotencyKey,
    reference: sale.id,
    phone: sale.phone,
    country: sale.country,
    // "No sé la compañía": no carrier, the provider detects it.
    ...(sale.carrierDetected ? {} : { carrier: sale.carrier }),
    ...(target.sku ? { sku: target.sku } : { amount: amountToSend(sale) }),
    ...(adapter.capabilities.asyncTopup ? { preferAsync: target.preferAsync ?? false } : {}),
  });
  onSent();
  return request;
}

/**
 * The sale in the provider's order history, found by its reference (the sale id), from the day before it was
 * sent to the day after now. Only presence proves anything: a page that does not list it proves nothing.
 */
export async function findInOrderHistory(adapter: ProviderAdapter, sale: LedgerSale, sentAtMs: number, nowMs: number): Promise<StatusResult | undefined> {
  if (!hasOrderHistory(adapter)) return undefined;
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const filter = { startDate: day(sentAtMs - 86_400_000), endDate: day(nowMs + 86_400_000), limit: 200 };
  for (let offset = 0; offset < 2000; offset += 200) {
    const page = await adapter.orders({ ...filter, offset });
    if (!page.ok) return undefined;
    const order = page.value.items.find((item) => item.reference === sale.id);
    if (order) {
      return {
        state: order.state,
        providerTransactionId: order.id,
        ...(order.cost ? { cost: order.cost } : {}),
        ...(order.carrier ? { carrier: order.carrier } : {}),
        ...(order.state === 'failed' ? { failure: knownFailure('provider_error', 'the provider lists the order as failed') } : {}),
      };
    }
    if (offset + 200 >= page.value.total) return undefined;
  }
  return undefined;
}
