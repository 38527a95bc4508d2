/**
 * What a receipt says beyond a Mexican top-up (issue 14): a bill payment's own title, biller, account, bill, fee
 * and total in dollars, and its state in a payment's words; an international top-up's amount the recipient gets
 * and the shop's rate and markup that priced it in pesos; a carrier the provider detected. Pure, like ./receipt.
 */
import type { Language } from './contract/receipts';
import type { Sale, SaleState } from './contract/sales';
import { minorDigits, toMajorString, type Money } from './money';

export type KindSale = Pick<Sale, 'kind' | 'faceValue' | 'shopRate' | 'markupPercent' | 'carrierDetected' | 'bill' | 'carrier'> & Partial<Pick<Sale, 'operatorTransactionId'>>;

interface KindWords {
  billTitle: string;
  biller: string;
  account: string;
  bill: string;
  fee: string;
  rush: string;
  totalUsd: string;
  confirmation: string;
  recipientGets: string;
  rate: string;
  detected: string;
  billStates: Record<SaleState, { head: string; body: string }>;
}

const SPANISH: KindWords = {
  billTitle: 'PAGO DE SERVICIO',
  biller: 'Empresa',
  account: 'Cuenta',
  bill: 'Recibo',
  fee: 'Comisión',
  rush: 'urgente',
  totalUsd: 'Total USD',
  confirmation: 'Confirmación',
  recipientGets: 'Recibe',
  rate: 'Cambio',
  detected: 'detectada',
  billStates: {
    created: { head: 'EN CAMINO', body: 'Su pago está registrado y se está enviando.' },
    queued: { head: 'EN CAMINO', body: 'Sin línea por ahora: su pago se enviará en cuanto vuelva la conexión.' },
    sending: { head: 'ENVIANDO', body: 'Su pago se está enviando a la empresa.' },
    pending: { head: 'EN PROCESO', body: 'La empresa está aplicando su pago.' },
    unknown: { head: 'EN VERIFICACIÓN', body: 'Estamos confirmando su pago. No lo vuelva a pagar.' },
    succeeded: { head: 'PAGO REALIZADO', body: 'La empresa recibió su pago.' },
    failed: { head: 'PAGO NO REALIZADO', body: 'El pago no se aplicó. La tienda le debe su dinero.' },
    refund_due: { head: 'PAGO NO REALIZADO', body: 'El pago no se aplicó. La tienda le debe su dinero.' },
    refunded: { head: 'PAGO NO REALIZADO', body: 'El pago no se aplicó. Su dinero le fue devuelto.' },
  },
};

const ENGLISH: KindWords = {
  billTitle: 'BILL PAYMENT',
  biller: 'Biller',
  account: 'Account',
  bill: 'Bill',
  fee: 'Fee',
  rush: 'rush',
  totalUsd: 'Total USD',
  confirmation: 'Confirmation',
  recipientGets: 'Recipient gets',
  rate: 'Rate',
  detected: 'detected',
  billStates: {
    created: { head: 'ON ITS WAY', body: 'Your payment is recorded and being sent.' },
    queued: { head: 'ON ITS WAY', body: 'The line is down for now: your payment is sent as soon as the line is back.' },
    sending: { head: 'SENDING', body: 'Your payment is being sent to the biller.' },
    pending: { head: 'IN PROGRESS', body: 'The biller is posting your payment.' },
    unknown: { head: 'BEING CHECKED', body: 'We are confirming your payment. Do not pay it again.' },
    succeeded: { head: 'BILL PAID', body: 'The biller received your payment.' },
    failed: { head: 'PAYMENT NOT COMPLETED', body: 'The payment was not posted. The shop owes you your money.' },
    refund_due: { head: 'PAYMENT NOT COMPLETED', body: 'The payment was not posted. The shop owes you your money.' },
    refunded: { head: 'PAYMENT NOT COMPLETED', body: 'The payment was not posted. Your money was handed back.' },
  },
};

const WORDS: Record<Language, KindWords> = { 'es-MX': SPANISH, en: ENGLISH };

/** "$5.00 USD": the code beside the symbol, since a receipt priced in dollars shows pesos too. */
export function moneyText(amount: Money, language: Language): string {
  const digits = minorDigits(amount.currency);
  const formatted = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'es-MX', {
    style: 'currency',
    currency: amount.currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajorString(amount) as unknown as number);
  return `${formatted} ${amount.currency}`;
}

/** A bill's title in place of the top-up's; null for a top-up or a bundle. */
export function kindTitle(sale: KindSale, language: Language): string | null {
  return sale.kind === 'bill' ? WORDS[language].billTitle : null;
}

/** A bill's state in a payment's words; null for a top-up or a bundle (the receipt's own words). */
export function kindStateWords(sale: KindSale & Pick<Sale, 'state'>, language: Language): { head: string; body: string } | null {
  return sale.kind === 'bill' ? WORDS[language].billStates[sale.state] : null;
}

/** The carrier as printed: the one detected says so. */
export function carrierText(sale: KindSale, language: Language): string {
  return sale.carrierDetected && sale.carrier ? `${sale.carrier} (${WORDS[language].detected})` : sale.carrier;
}

/** Label and value pairs a bill prints instead of carrier and number. */
export function billFields(sale: KindSale, language: Language): Array<[string, string]> | null {
  if (sale.kind !== 'bill' || !sale.bill) return null;
  const words = WORDS[language];
  const { bill } = sale;
  return [
    [words.biller, bill.billerName],
    [words.account, bill.accountNumber],
    [words.bill, moneyText(bill.amount, language)],
    [bill.rush ? `${words.fee} (${words.rush})` : words.fee, moneyText(bill.fee, language)],
    [words.totalUsd, moneyText(bill.total, language)],
  ];
}

/** Label and value pairs after the amount charged: what the recipient gets abroad and the rate; a bill's confirmation. */
export function pricedFields(sale: KindSale, language: Language): Array<[string, string]> {
  const words = WORDS[language];
  const fields: Array<[string, string]> = [];
  if (sale.kind !== 'bill' && sale.faceValue) fields.push([words.recipientGets, moneyText(sale.faceValue, language)]);
  if (sale.shopRate && sale.markupPercent) fields.push([words.rate, `${sale.shopRate} MXN/USD +${sale.markupPercent}%`]);
  // MobiSend's confirmation code is often the operator reference the receipt prints anyway: once is enough.
  if (sale.bill?.confirmationCode && sale.bill.confirmationCode !== sale.operatorTransactionId) fields.push([words.confirmation, sale.bill.confirmationCode]);
  return fields;
}
