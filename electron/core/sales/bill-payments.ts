/**
 * Bill payments through MobiSend: search billers, quote the fee (standard or rush) and the pesos to charge, and
 * pay as a sale of kind 'bill' with a top-up's guarantees: recorded durably with its Idempotency-Key before
 * anything is sent, sent by the same sender (claim, send, settle once), an unknown outcome left to the same
 * resolution (order by id, the same key replayed, the order history), never sent twice. A bill is paid online
 * only: with MobiSend unreachable nothing is written and the cashier is told.
 */
import { InFlightByRequestId } from './in-flight';
import type { BillPayInput, BillQuote, BillerView } from '../../../shared/contract/billpay';
import type { ProviderId } from '../../../shared/contract/app';
import type { PricingSettings } from '../../../shared/contract/sale-kinds';
import type { BusinessDayRule } from '../../../shared/business-day';
import { AppError } from '../../../shared/errors';
import { addMoney, type Money } from '../../../shared/money';
import type { Session } from '../auth/session';
import type { Clock } from '../kernel/clock';
import { crashPoint } from '../kernel/crash-points';
import { newId } from '../kernel/ids';
import type { Ledger, LedgerSale } from '../ledger/ledger';
import { MOBISEND_BILLPAY_FEES } from '../providers/mobisend';
import type { Biller, BillerSearch, Page } from '../providers/mobisend-types';
import type { ProviderAdapter, ProviderResult } from '../providers/types';
import type { ConnectivityTracker } from './connectivity';
import { canPayBills } from './operation';
import { UNRESOLVED_STATES } from './duplicate-guard';
import { assertSameCharge, quoteInPesos } from './pricing-settings';
import type { SaleSender } from './sender';
import { shiftIdFor, type SaleShifts } from './service';

export const BILL_PROVIDER: ProviderId = 'mobisend';
/** Where a biller's country is not known, its price is the shop's one for all (no country overrides it). */
const NO_COUNTRY = 'US';
const PAGE_SIZE = 20;

interface BillerDirectory {
  billers(search: BillerSearch): Promise<ProviderResult<Page<Biller>>>;
}

function hasBillerDirectory(adapter: ProviderAdapter): adapter is ProviderAdapter & BillerDirectory {
  return typeof (adapter as Partial<BillerDirectory>).billers === 'function';
}

export interface BillPaymentsDeps {
  ledger: Ledger;
  sender: SaleSender;
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>;
  connectivity: ConnectivityTracker;
  session: Session;
  clock: Clock;
  pricing: () => PricingSettings;
  businessDay: () => BusinessDayRule;
  /** The drawer's shifts (core/backoffice): a bill's cash goes into the open shift like a top-up's. */
  shifts?: SaleShifts;
  notify(sale: LedgerSale): void;
  /** Resolves when start-up recovery's local phase is done; payments wait for it like sales. */
  ready: () => Promise<void>;
}

export class BillPayments {
  private readonly inFlight = new InFlightByRequestId<LedgerSale>();
  /** Billers seen in searches: a rush payment to one that has no rush is refused before anything is written. */
  private readonly seen = new Map<string, BillerView>();

  constructor(private readonly deps: BillPaymentsDeps) {}

  private adapter(): ProviderAdapter & BillerDirectory {
    const adapter = this.deps.adapters.get(BILL_PROVIDER);
    if (!adapter || !canPayBills(adapter) || !hasBillerDirectory(adapter)) throw new AppError('no_provider', 'Bill payments need MobiSend, which is not configured');
    return adapter;
  }

  async billers(input: { search: string; country?: string; page?: number }): Promise<{ billers: BillerView[]; total: number }> {
    const result = await this.adapter().billers({ search: input.search, ...(input.country ? { country: input.country } : {}), page: input.page ?? 1, limit: PAGE_SIZE });
    this.deps.connectivity.observe(BILL_PROVIDER, result);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    const billers = result.value.items.map((biller) => ({
      billerCode: biller.billerCode,
      name: biller.name,
      category: biller.category ?? null,
      country: biller.country ?? null,
      rushAvailable: biller.rushAvailable,
    }));
    for (const biller of billers) this.seen.set(biller.billerCode, biller);
    return { billers, total: result.value.total };
  }

  /** The fee MobiSend charges (standard next day, rush same day), the total, and the pesos to charge. Writes nothing. */
  quote(input: { billerCode: string; billerCountry?: string; amount: Money; rush: boolean }): BillQuote {
    if (input.amount.currency !== 'USD' || input.amount.minor <= 0) throw new AppError('invalid_input', 'A bill is paid in USD, more than zero');
    const biller = this.seen.get(input.billerCode);
    if (input.rush && biller && !biller.rushAvailable) throw new AppError('invalid_input', `${biller.name} takes no same-day (rush) payments`);
    const fee = input.rush ? MOBISEND_BILLPAY_FEES.rush : MOBISEND_BILLPAY_FEES.standard;
    const total = addMoney(input.amount, fee);
    const country = input.billerCountry ?? biller?.country ?? NO_COUNTRY;
    return { billerCode: input.billerCode, rush: input.rush, amount: input.amount, fee, total, pricing: quoteInPesos(this.deps.pricing(), country, total) };
  }

  /** Records and sends one bill payment. Idempotent by `requestId`. */
  pay(input: BillPayInput): Promise<LedgerSale> {
    return this.inFlight.run(input.requestId, () => this.payOnce(input));
  }

  /**
   * A payment to the same biller and account whose outcome is not known yet (queued, sending, pending, unknown) may
   * still be applied: paying again could pay the bill twice. The same rule as a top-up's unresolved sale
   * (`UNRESOLVED_STATES`), without an override: the outcome comes from MobiSend (the order by id, reconciliation).
   */
  private refuseWhileUnresolved(input: Pick<BillPayInput, 'billerCode' | 'billerName' | 'accountNumber'>): void {
    const earlier = this.deps.ledger
      .inStates(UNRESOLVED_STATES)
      .find((sale) => sale.kind === 'bill' && sale.bill?.billerCode === input.billerCode && sale.bill.accountNumber === input.accountNumber);
    if (earlier) {
      throw new AppError('bill_unresolved', `A payment to this ${input.billerName} account made at ${earlier.createdAt} is still ${earlier.state}: its outcome is not known yet`);
    }
  }

  private async payOnce(input: BillPayInput): Promise<LedgerSale> {
    await this.deps.ready();
    const { ledger } = this.deps;
    const existing = ledger.byRequestId(input.requestId);
    if (existing) return existing;
    const user = this.deps.session.current();
    if (!user) throw new AppError('unauthenticated', 'Sign in first');
    this.adapter();
    // No await from here to the transaction that records: no other payment can slip in between (one check is enough).
    this.refuseWhileUnresolved(input);
    const quote = this.quote(input);
    assertSameCharge(quote.pricing, input.expectedCharge);
    if (!this.deps.connectivity.anyReachable([BILL_PROVIDER])) {
      throw new AppError('offline_not_allowed', 'Bill payments are made online only, and MobiSend is not reachable now');
    }
    const now = this.deps.clock.now();
    const id = newId();
    crashPoint('bill-before-sale-commit');
    const shifts = this.deps.shifts;
    // The shift is taken (or opened per the owner's policy) in the transaction that records the payment.
    const created = ledger.transaction(() => ledger.createSale({
      id,
      requestId: input.requestId,
      idempotencyKey: newId(),
      cashierId: user.id,
      shiftId: shifts ? shifts.forNewSale(user.id) : shiftIdFor(user.id, now, this.deps.businessDay()),
      provider: BILL_PROVIDER,
      country: input.billerCountry ?? this.seen.get(input.billerCode)?.country ?? NO_COUNTRY,
      carrier: input.billerName,
      sku: null,
      phone: '',
      price: quote.pricing.charge,
      extras: {
        kind: 'bill',
        faceValue: quote.total,
        shopRate: quote.pricing.rate,
        markupPercent: quote.pricing.markupPercent,
        bill: { billerCode: input.billerCode, billerName: input.billerName, accountNumber: input.accountNumber, rush: input.rush, amount: quote.amount, fee: quote.fee },
      },
    }));
    this.deps.notify(created);
    // A refusal the provider proves (rejected account, no balance) fails the payment and owes the pesos back.
    const outcome = await this.deps.sender.send(id, 'created', { provider: BILL_PROVIDER, sku: null, idempotencyKey: created.idempotencyKey }, (error) => ({
      to: 'failed',
      code: error.code,
      message: error.message,
    }));
    return outcome.sale;
  }
}
