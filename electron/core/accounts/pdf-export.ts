/**
 * The PDF of a report or of a Z (A4 or Letter), made with pdfkit in the core: no browser, same bytes from the UI
 * and the command line. The figures are the back office's (a Report or a Z, never recomputed here); this file only
 * lays them out, in the shop's language, amounts formatted for people ("$1,234.50") in the shop's locale.
 * `compress: false` keeps the page text readable in the file (tests read the totals back from it; a report is a
 * few pages, so the size does not matter).
 */
import PDFDocument from 'pdfkit';
import type { Report, ReportTotals, Z } from '../../../shared/contract/backoffice';
import { SALE_STATES } from '../../../shared/contract/sales';
import { formatMoney, type Money } from '../../../shared/money';

export type PdfLanguage = 'es' | 'en';
export type PaperSize = 'A4' | 'Letter';

const WORDS = {
  es: {
    report: 'Reporte de ventas',
    z: 'Cierre del día (Z)',
    period: 'Periodo',
    businessDay: 'Día de negocio',
    generated: 'Generado',
    closedAt: 'Cerrado',
    closedBy: 'Cerró',
    state: 'Estado',
    count: 'Ventas',
    amount: 'Importe',
    totals: 'Totales',
    cost: 'Costo del proveedor',
    costCharged: 'Costo cobrado por los proveedores',
    margin: 'Margen',
    refunds: 'Devoluciones',
    owed: 'Por devolver',
    paid: 'Pagadas',
    paidAtCounter: 'Pagadas en mostrador',
    cash: 'Movimientos de efectivo',
    cashIn: 'Entradas',
    cashOut: 'Salidas',
    shifts: 'Turnos',
    expected: 'Esperado',
    counted: 'Contado',
    difference: 'Diferencia',
    groups: 'Por',
    chainHead: 'Cabeza de la cadena',
    sequence: 'Eventos',
    openItems: 'Ventas abiertas al cierre',
    grandTotal: 'Gran total perpetuo',
    complete: 'Secuencia completa',
    yes: 'sí',
    no: 'NO',
    states: { created: 'Creadas', queued: 'En cola', sending: 'Enviando', pending: 'Pendientes', unknown: 'Sin confirmar', succeeded: 'Entregadas', failed: 'Fallidas', refund_due: 'Por devolver', refunded: 'Devueltas' },
    all: 'Todas',
  },
  en: {
    report: 'Sales report',
    z: 'Day close (Z)',
    period: 'Period',
    businessDay: 'Business day',
    generated: 'Generated',
    closedAt: 'Closed',
    closedBy: 'Closed by',
    state: 'State',
    count: 'Sales',
    amount: 'Amount',
    totals: 'Totals',
    cost: 'Provider cost',
    costCharged: 'Cost as the providers charged it',
    margin: 'Margin',
    refunds: 'Refunds',
    owed: 'Owed back',
    paid: 'Paid',
    paidAtCounter: 'Paid at the counter',
    cash: 'Cash movements',
    cashIn: 'In',
    cashOut: 'Out',
    shifts: 'Shifts',
    expected: 'Expected',
    counted: 'Counted',
    difference: 'Difference',
    groups: 'By',
    chainHead: 'Chain head',
    sequence: 'Events',
    openItems: 'Sales open at close',
    grandTotal: 'Perpetual grand total',
    complete: 'Sequence complete',
    yes: 'yes',
    no: 'NO',
    states: { created: 'Created', queued: 'Queued', sending: 'Sending', pending: 'Pending', unknown: 'Unconfirmed', succeeded: 'Delivered', failed: 'Failed', refund_due: 'Owed back', refunded: 'Refunded' },
    all: 'All',
  },
} as const;

type Words = (typeof WORDS)[PdfLanguage];

export interface PdfHeader {
  shopName: string;
  language: PdfLanguage;
  paper: PaperSize;
}

/** What a PDF is about: a report over days, or a sealed Z. */
export type PdfSubject = { kind: 'report'; report: Report } | { kind: 'z'; z: Z };

class Layout {
  readonly doc: PDFKit.PDFDocument;
  lines = 0;

  constructor(
    paper: PaperSize,
    private readonly locale: string,
  ) {
    this.doc = new PDFDocument({ size: paper, compress: false, margin: 50, info: { Title: 'Saldo', Producer: 'Saldo' } });
  }

  money(amount: Money): string {
    return formatMoney(amount, this.locale);
  }

  heading(text: string): void {
    this.doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10);
    this.lines += 1;
  }

  /** One row of left-aligned label and right-aligned columns, on one line. */
  row(cells: readonly string[], widths: readonly number[], bold = false): void {
    const { doc } = this;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = doc.page.margins.left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 100;
      doc.text(cell, x, y, { width, align: index === 0 ? 'left' : 'right', lineBreak: false });
      x += width;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + 14;
    this.lines += 1;
  }

  pair(label: string, value: string): void {
    this.row([label, value], [260, 235]);
  }

  done(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

const STATE_WIDTHS = [220, 100, 175] as const;

function totalsTable(layout: Layout, words: Words, totals: ReportTotals): void {
  layout.heading(words.totals);
  layout.row([words.state, words.count, words.amount], STATE_WIDTHS, true);
  for (const state of SALE_STATES) {
    const figure = totals[state];
    layout.row([words.states[state], String(figure.count), layout.money(figure.amount)], STATE_WIDTHS);
  }
  layout.row([words.all, String(totals.all.count), layout.money(totals.all.amount)], STATE_WIDTHS, true);
  layout.pair(words.cost, layout.money(totals.cost));
  if (totals.costCharged.length > 0) layout.pair(words.costCharged, totals.costCharged.map((amount) => layout.money(amount)).join(' + '));
  layout.pair(words.margin, layout.money(totals.margin));
}

type Extras = Pick<Report, 'refunds' | 'cashMovements' | 'shifts'>;

function extrasTables(layout: Layout, words: Words, extras: Extras): void {
  layout.heading(words.refunds);
  layout.row([words.owed, String(extras.refunds.owed.count), layout.money(extras.refunds.owed.amount)], STATE_WIDTHS);
  layout.row([words.paid, String(extras.refunds.paid.count), layout.money(extras.refunds.paid.amount)], STATE_WIDTHS);
  layout.row([words.paidAtCounter, String(extras.refunds.paidAtCounter.count), layout.money(extras.refunds.paidAtCounter.amount)], STATE_WIDTHS);
  layout.heading(words.cash);
  layout.row([words.cashIn, String(extras.cashMovements.in.count), layout.money(extras.cashMovements.in.amount)], STATE_WIDTHS);
  layout.row([words.cashOut, String(extras.cashMovements.out.count), layout.money(extras.cashMovements.out.amount)], STATE_WIDTHS);
  if (extras.shifts.length === 0) return;
  layout.heading(words.shifts);
  const widths = [170, 110, 110, 105];
  layout.row(['', words.expected, words.counted, words.difference], widths, true);
  const show = (amount: Money | null): string => (amount ? layout.money(amount) : '—');
  for (const shift of extras.shifts) layout.row([shift.shiftId, show(shift.expected), show(shift.counted), show(shift.difference)], widths);
}

function reportBody(layout: Layout, words: Words, header: PdfHeader, report: Report): void {
  const { doc } = layout;
  doc.font('Helvetica-Bold').fontSize(16).text(`${header.shopName} · ${report.zNumber ? `${words.z} ${report.zNumber}` : words.report}`);
  doc.font('Helvetica').fontSize(10).text(`${words.period}: ${report.from} – ${report.to}`).text(`${words.generated}: ${report.generatedAt}`);
  layout.lines += 3;
  totalsTable(layout, words, report.totals);
  if (report.by && report.groups.length > 0) {
    layout.heading(`${words.groups} ${report.by}`);
    const widths = [175, 70, 130, 120];
    layout.row(['', words.count, words.all, words.states.succeeded], widths, true);
    for (const group of report.groups) layout.row([group.key, String(group.all.count), layout.money(group.all.amount), layout.money(group.succeeded.amount)], widths);
  }
  extrasTables(layout, words, report);
}

function zBody(layout: Layout, words: Words, header: PdfHeader, z: Z): void {
  const { doc } = layout;
  doc.font('Helvetica-Bold').fontSize(16).text(`${header.shopName} · ${words.z} ${z.number}`);
  doc.font('Helvetica').fontSize(10).text(`${words.businessDay}: ${z.businessDay}`).text(`${words.closedAt}: ${z.closedAt} · ${words.closedBy}: ${z.closedBy}`);
  layout.lines += 3;
  totalsTable(layout, words, z.totals);
  extrasTables(layout, words, z);
  layout.heading(words.openItems);
  layout.row([words.openItems, String(z.openItems.count), layout.money(z.openItems.amount)], STATE_WIDTHS);
  for (const item of z.openItems.sales) layout.row([`${item.saleId} (${words.states[item.state]})`, '', layout.money(item.amount)], STATE_WIDTHS);
  layout.heading(words.grandTotal);
  layout.pair(words.grandTotal, layout.money(z.grandTotal));
  layout.pair(words.sequence, `${z.firstSeq ?? '—'} – ${z.lastSeq ?? '—'} (${z.completeness.eventCount})`);
  layout.pair(words.complete, z.completeness.sequenceComplete ? words.yes : words.no);
  doc.moveDown(0.5).font('Courier').fontSize(8).text(`${words.chainHead}: ${z.chainHead ?? '—'}`);
  layout.lines += 1;
}

/** The PDF's bytes and how many lines of figures it holds. */
export async function renderPdf(subject: PdfSubject, header: PdfHeader): Promise<{ bytes: Buffer; lines: number }> {
  const words = WORDS[header.language];
  const layout = new Layout(header.paper, header.language === 'es' ? 'es-MX' : 'en-US');
  if (subject.kind === 'report') reportBody(layout, words, header, subject.report);
  else zBody(layout, words, header, subject.z);
  const bytes = await layout.done();
  return { bytes, lines: layout.lines };
}
