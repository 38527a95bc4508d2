/**
 * The receipt as monospace text lines, one layout for both paper widths: 58 mm (32 columns) and 80 mm
 * (48 columns). Pure (no Node, no DOM), so the main side renders it for printing and PDFs and the renderer
 * can preview the very same lines. Every line is at most `columns` characters; long values wrap.
 *
 * The state is said in words and never overstated: only a delivered sale says delivered; a queued one says
 * the airtime is on its way; an unknown one says it is being checked and must not be sold again; one that did
 * not go through says so (NO REALIZADA), says where the money is (POR DEVOLVER, DINERO DEVUELTO) and ends there.
 */
import type { Sale, SaleState } from './contract/sales';
import type { Language, ReceiptWidthMm, RenderedReceipt } from './contract/receipts';
import type { ErrorCode } from './errors';
import { minorDigits, toMajorString } from './money';
import { maskPhone } from './phone';
import { billFields, carrierText, kindStateWords, kindTitle, pricedFields, type KindSale } from './receipt-kinds';

export const RECEIPT_COLUMNS: Record<ReceiptWidthMm, 32 | 48> = { 58: 32, 80: 48 };

export type ReceiptSale = Pick<
  Sale,
  'id' | 'createdAt' | 'provider' | 'country' | 'carrier' | 'phone' | 'price' | 'providerTransactionId' | 'operatorTransactionId' | 'state' | 'failureCode'
> &
  // Issue 14: bills, international top-ups priced in pesos, detected carriers (./receipt-kinds).
  Partial<KindSale>;

/** The shop as its receipts head it (the owner's set-up: name, address, and phone and RFC when given). */
export interface ReceiptShop {
  name: string;
  address: string;
  phone?: string | undefined;
  rfc?: string | undefined;
}

export interface ReceiptData {
  shop: ReceiptShop;
  /** The owner's own words at the foot of every receipt (empty: none). */
  footer?: string;
  sale: ReceiptSale;
  cashierName: string;
  /** When this receipt is printed (a reprint shows the sale's time and the reprint's). */
  printedAt: Date;
  /** IANA zone for dates (tests pin one); the host's zone when absent. */
  timeZone?: string;
}

export interface ReceiptOptions {
  widthMm: ReceiptWidthMm;
  language: Language;
  copy?: boolean;
}

/**
 * A state in words. `money` says, for a sale that did not go through, where the customer's cash is (owed back or
 * handed back); such a sale's receipt ends with that, never with "Gracias por su compra".
 */
interface StateWords {
  head: string;
  body: string;
  money?: string;
}

interface Words {
  title: string;
  copy: string;
  date: string;
  reprinted: string;
  cashier: string;
  carrier: string;
  phone: string;
  amount: string;
  folio: string;
  operatorRef: string;
  sale: string;
  none: string;
  thanks: string;
  /** How a receipt of a sale that did not go through ends: never with thanks for a purchase. */
  keepReceipt: string;
  states: Record<SaleState, StateWords>;
  failure: Partial<Record<ErrorCode, string>>;
}

const SPANISH: Words = {
  title: 'RECARGA DE TIEMPO AIRE',
  copy: '*** COPIA ***',
  date: 'Fecha',
  reprinted: 'Reimpreso',
  cashier: 'Cajero',
  carrier: 'Compañía',
  phone: 'Número',
  amount: 'Monto',
  folio: 'Folio',
  operatorRef: 'Ref. operador',
  sale: 'Venta',
  none: '—',
  thanks: 'Gracias por su compra',
  keepReceipt: 'Conserve este comprobante',
  states: {
    created: { head: 'EN CAMINO', body: 'Su recarga está registrada y se está enviando.' },
    queued: { head: 'EN CAMINO', body: 'Sin línea por ahora: su recarga está en camino y se enviará en cuanto vuelva la conexión.' },
    sending: { head: 'ENVIANDO', body: 'Su recarga se está enviando a la compañía.' },
    pending: { head: 'EN PROCESO', body: 'La compañía está aplicando su recarga; llega en unos minutos.' },
    unknown: { head: 'EN VERIFICACIÓN', body: 'Estamos confirmando con la compañía. No vuelva a comprar esta recarga.' },
    succeeded: { head: 'RECARGA ENTREGADA', body: 'Su saldo ya está en el teléfono.' },
    failed: { head: 'RECARGA NO REALIZADA', body: 'La recarga no se aplicó. La tienda le debe su dinero.', money: 'POR DEVOLVER' },
    refund_due: { head: 'RECARGA NO REALIZADA', body: 'La recarga no se aplicó. La tienda le debe su dinero.', money: 'POR DEVOLVER' },
    refunded: { head: 'RECARGA NO REALIZADA', body: 'La recarga no se aplicó. Su dinero le fue devuelto.', money: 'DINERO DEVUELTO' },
  },
  failure: {
    number_rejected: 'La compañía rechazó el número.',
    insufficient_balance: 'Saldo insuficiente en la tienda.',
    daily_limit: 'Se alcanzó el límite diario.',
    invalid_input: 'Datos de la recarga no válidos.',
  },
};

const ENGLISH: Words = {
  title: 'MOBILE AIRTIME TOP-UP',
  copy: '*** COPIA / COPY ***',
  date: 'Date',
  reprinted: 'Reprinted',
  cashier: 'Cashier',
  carrier: 'Carrier',
  phone: 'Number',
  amount: 'Amount',
  folio: 'Folio',
  operatorRef: 'Operator ref.',
  sale: 'Sale',
  none: '—',
  thanks: 'Thank you',
  keepReceipt: 'Keep this receipt',
  states: {
    created: { head: 'ON ITS WAY', body: 'Your top-up is recorded and being sent.' },
    queued: { head: 'ON ITS WAY', body: 'The line is down for now: your airtime is on its way and will be sent as soon as the line is back.' },
    sending: { head: 'SENDING', body: 'Your top-up is being sent to the carrier.' },
    pending: { head: 'IN PROGRESS', body: 'The carrier is applying your top-up; it arrives within minutes.' },
    unknown: { head: 'BEING CHECKED', body: 'We are confirming with the carrier. Do not buy this top-up again.' },
    succeeded: { head: 'TOP-UP DELIVERED', body: 'The airtime is on the phone.' },
    failed: { head: 'TOP-UP NOT COMPLETED', body: 'The top-up was not applied. The shop owes you your money.', money: 'MONEY OWED BACK' },
    refund_due: { head: 'TOP-UP NOT COMPLETED', body: 'The top-up was not applied. The shop owes you your money.', money: 'MONEY OWED BACK' },
    refunded: { head: 'TOP-UP NOT COMPLETED', body: 'The top-up was not applied. Your money was handed back.', money: 'MONEY HANDED BACK' },
  },
  failure: {
    number_rejected: 'The carrier rejected the number.',
    insufficient_balance: 'The shop is out of balance.',
    daily_limit: 'The daily limit was reached.',
    invalid_input: 'The top-up details were not valid.',
  },
};

const WORDS: Record<Language, Words> = { 'es-MX': SPANISH, en: ENGLISH };

/** Splits text into lines of at most `width` characters, at spaces where possible. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > width) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      if (!rest) continue;
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

function center(text: string, width: number): string[] {
  return wrapText(text, width).map((line) => ' '.repeat(Math.floor((width - line.length) / 2)) + line);
}

/** "Label:      value" on one line when it fits; otherwise the label, then the value right-aligned below. */
function field(label: string, value: string, width: number): string[] {
  const head = `${label}:`;
  if (head.length + 1 + value.length <= width) return [head + ' '.repeat(width - head.length - value.length) + value];
  // A value longer than a line (a provider's uuid folio) is cut into full lines, left-aligned, to copy easily.
  if (value.length > width) return [head, ...wrapText(value, width)];
  return [head, ...wrapText(value, width).map((line) => line.padStart(width))];
}

function amountText(sale: ReceiptSale, language: Language): string {
  const digits = minorDigits(sale.price.currency);
  const formatted = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'es-MX', {
    style: 'currency',
    currency: sale.price.currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajorString(sale.price) as unknown as number);
  return `${formatted} ${sale.price.currency}`;
}

function dateText(date: Date, language: Language, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'es-MX', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    // Not hour12: false, which ICU turns into 'h24' for these locales: 00:59 would print as "24:59".
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** The words for a sale's state on a receipt (also used by tests to check nothing overstates). */
export function receiptStateWords(state: SaleState, language: Language): StateWords {
  return WORDS[language].states[state];
}

export function renderReceipt(data: ReceiptData, options: ReceiptOptions): RenderedReceipt {
  const columns = RECEIPT_COLUMNS[options.widthMm];
  const words = WORDS[options.language];
  const { sale } = data;
  const rule = '-'.repeat(columns);
  const lines: string[] = [];
  lines.push(...shopHeader(data.shop, columns));
  lines.push(rule);
  if (options.copy) lines.push(...center(words.copy, columns));
  lines.push(...center(kindTitle(sale, options.language) ?? words.title, columns));
  lines.push('');
  lines.push(...field(words.date, dateText(new Date(sale.createdAt), options.language, data.timeZone), columns));
  if (options.copy) lines.push(...field(words.reprinted, dateText(data.printedAt, options.language, data.timeZone), columns));
  lines.push(...field(words.cashier, data.cashierName, columns));
  const bill = billFields(sale, options.language);
  if (bill) for (const [label, value] of bill) lines.push(...field(label, value, columns));
  else {
    lines.push(...field(words.carrier, carrierText(sale, options.language), columns));
    lines.push(...field(words.phone, maskPhone(sale.phone, sale.country), columns));
  }
  lines.push(...field(words.amount, amountText(sale, options.language), columns));
  for (const [label, value] of pricedFields(sale, options.language)) lines.push(...field(label, value, columns));
  lines.push(...field(words.folio, sale.providerTransactionId ?? words.none, columns));
  lines.push(...field(words.operatorRef, sale.operatorTransactionId ?? words.none, columns));
  lines.push(...field(words.sale, sale.id.slice(0, 13), columns));
  lines.push(rule);
  const state = words.states[sale.state];
  const stateWords = kindStateWords(sale, options.language) ?? state;
  lines.push(...center(stateWords.head, columns));
  lines.push(...wrapText(stateWords.body, columns));
  const why = sale.failureCode && (sale.state === 'failed' || sale.state === 'refund_due' || sale.state === 'refunded') ? words.failure[sale.failureCode] : undefined;
  if (why) lines.push(...wrapText(why, columns));
  lines.push(rule);
  if (state.money) {
    lines.push(...center(state.money, columns));
    lines.push(...center(words.keepReceipt, columns));
  } else {
    lines.push(...center(words.thanks, columns));
  }
  if (data.footer?.trim()) lines.push(...data.footer.trim().split('\n').flatMap((line) => center(line, columns)));
  return { lines: lines.map((line) => line.replace(/\s+$/, '')), columns, widthMm: options.widthMm, language: options.language };
}

/** The head of every receipt: the shop's name, address, phone and RFC (the last three only when set). */
function shopHeader(shop: ReceiptShop, columns: number): string[] {
  return [
    ...center(shop.name || 'Saldo', columns),
    ...(shop.address.trim() ? center(shop.address, columns) : []),
    ...(shop.phone?.trim() ? center(`Tel. ${shop.phone.trim()}`, columns) : []),
    ...(shop.rfc?.trim() ? center(`RFC ${shop.rfc.trim()}`, columns) : []),
  ];
}

/** The title of a test print, in both languages whatever the counter's: a tech may not read the shop's. */
export const TEST_PRINT_TITLE = 'PRUEBA DE IMPRESIÓN / TEST PRINT';

const TEST_PRINT_WORDS: Record<Language, { date: string; paper: string; columns: string; ruler: string }> = {
  'es-MX': { date: 'Fecha', paper: 'Papel', columns: 'col.', ruler: 'La regla debe verse completa, de borde a borde:' },
  en: { date: 'Date', paper: 'Paper', columns: 'col.', ruler: 'The ruler must show whole, edge to edge:' },
};

/**
 * A short test receipt for the technician (Diagnóstico → Imprimir prueba): the shop, when, the paper width the
 * settings say, and a ruler of exactly `columns` characters, so a cut-off last digit shows the wrong width is set.
 */
export function renderTestReceipt(data: Pick<ReceiptData, 'shop' | 'printedAt' | 'timeZone'>, options: Omit<ReceiptOptions, 'copy'>): RenderedReceipt {
  const columns = RECEIPT_COLUMNS[options.widthMm];
  const words = TEST_PRINT_WORDS[options.language];
  const rule = '-'.repeat(columns);
  const ruler = Array.from({ length: columns }, (_, index) => String((index + 1) % 10)).join('');
  const lines = [
    ...shopHeader(data.shop, columns),
    rule,
    ...center(TEST_PRINT_TITLE, columns),
    '',
    ...field(words.date, dateText(data.printedAt, options.language, data.timeZone), columns),
    ...field(words.paper, `${options.widthMm} mm · ${columns} ${words.columns}`, columns),
    rule,
    ...wrapText(words.ruler, columns),
    ruler,
    rule,
  ];
  return { lines: lines.map((line) => line.replace(/\s+$/, '')), columns, widthMm: options.widthMm, language: options.language };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A printable page for the receipt: the paper's width, monospace text sized so `columns` characters fill the
 * printable width. Used for silent printing, PDF previews and tests.
 */
export function receiptHtml(receipt: RenderedReceipt, title = 'Saldo'): string {
  const printableMm = receipt.widthMm === 58 ? 48 : 72;
  // A monospace character is about 0.6 em wide.
  const fontMm = (printableMm / receipt.columns / 0.6).toFixed(3);
  return [
    '<!doctype html>',
    `<html lang="${receipt.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    '<style>',
    "@page { margin: 0; }",
    `html, body { margin: 0; padding: 0; background: #fff; color: #000; }`,
    `pre { width: ${printableMm}mm; margin: 2mm ${(receipt.widthMm - printableMm) / 2}mm; font: ${fontMm}mm/1.25 "DejaVu Sans Mono", "Courier New", monospace; white-space: pre; overflow: hidden; }`,
    '</style></head><body>',
    `<pre class="receipt" data-columns="${receipt.columns}">${receipt.lines.map(escapeHtml).join('\n')}</pre>`,
    '</body></html>',
  ].join('');
}
