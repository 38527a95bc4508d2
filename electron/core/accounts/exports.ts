/**
 * The export files the owner downloads (UI) or writes (CLI): the sales CSV, and a report's or a Z's figures as
 * PDF or CSV. The figures of reports and Zs are the back office's; this file asks it for them and lays them out.
 * Full phone numbers are explicit and owner-only (the channel's access) and each such export is journaled.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportFile } from '../../../shared/contract/accounts';
import type { Report, ReportGrouping, ReportTotals, Z } from '../../../shared/contract/backoffice';
import { SALE_STATES } from '../../../shared/contract/sales';
import type { BusinessDayRule } from '../../../shared/business-day';
import { businessDayOf } from '../../../shared/business-day';
import { AppError } from '../../../shared/errors';
import { toMajorString, type Money } from '../../../shared/money';
import type { Journal } from '../journal/journal';
import { safeText, salesCsv, UTF8_BOM } from './csv-export';
import { renderPdf, type PaperSize, type PdfLanguage, type PdfSubject } from './pdf-export';
import type { DayWindow } from './reconcile';
import type { AccountsRepository } from './repository';

/** The back office's figures (its module answers; absent until it is wired, then exports of reports are not_supported). */
export interface ReportSource {
  report(query: { from?: string; to?: string; by?: ReportGrouping }): Report | Promise<Report>;
  z(number: string): Z | Promise<Z>;
}

export interface ExportDeps {
  repository: AccountsRepository;
  journal: Journal;
  rule: () => BusinessDayRule;
  window: (date: string) => DayWindow;
  userName: (id: string) => string | null;
  shop: () => { name: string; language: PdfLanguage };
  reports: () => ReportSource | null;
}

export function exportSales(deps: ExportDeps, input: { from: string; to: string; fullNumbers?: boolean | undefined }, actorId: string): ExportFile {
  const rule = deps.rule();
  const from = deps.window(input.from);
  const to = deps.window(input.to);
  const fullNumbers = input.fullNumbers === true;
  const { text, rows } = salesCsv(deps.repository.iterateSales(from.startMs, to.endMs), { fullNumbers, rule, userName: deps.userName }, (ms) => businessDayOf(ms, rule));
  // Whole numbers leave the shop's PC: who, when, which days and how many, in the hash-chained journal.
  if (fullNumbers) deps.journal.append({ kind: 'export.full_numbers', actorId, subject: `${input.from}..${input.to}`, detail: { from: input.from, to: input.to, rows } });
  const days = input.from === input.to ? input.from : `${input.from}_${input.to}`;
  return { fileName: `ventas_${days}.csv`, mimeType: 'text/csv', encoding: 'utf8', content: text, rows };
}

const STRINGIFY = { quoted_string: true, record_delimiter: 'windows' as const };

function moneyCells(amount: Money): [string, number, string] {
  return [toMajorString(amount), amount.minor, amount.currency];
}

function totalsRows(section: string, key: string, totals: ReportTotals): unknown[][] {
  const rows: unknown[][] = [...SALE_STATES, 'all' as const].map((state) => [section, safeText(key), state, totals[state].count, ...moneyCells(totals[state].amount)]);
  rows.push([section, safeText(key), 'cost', totals.costKnownCount, ...moneyCells(totals.cost)]);
  rows.push([section, safeText(key), 'margin', totals.costKnownCount, ...moneyCells(totals.margin)]);
  for (const charged of totals.costCharged) rows.push([section, safeText(key), 'cost_charged', totals.costKnownCount, ...moneyCells(charged)]);
  return rows;
}

/** A report's (or a Z's) totals and groups as CSV rows: section, key, figure, count, amount, amount_minor, currency. */
export function reportCsv(subject: PdfSubject): { text: string; rows: number } {
  const totals = subject.kind === 'report' ? subject.report.totals : subject.z.totals;
  const title = subject.kind === 'report' ? `${subject.report.from}..${subject.report.to}` : subject.z.number;
  const rows = totalsRows('totals', title, totals);
  if (subject.kind === 'report') for (const group of subject.report.groups) rows.push(...totalsRows(`by_${subject.report.by ?? 'group'}`, group.key, group));
  const extras = subject.kind === 'report' ? subject.report : subject.z;
  rows.push(['refunds', title, 'owed', extras.refunds.owed.count, ...moneyCells(extras.refunds.owed.amount)]);
  rows.push(['refunds', title, 'paid', extras.refunds.paid.count, ...moneyCells(extras.refunds.paid.amount)]);
  rows.push(['refunds', title, 'paid_at_counter', extras.refunds.paidAtCounter.count, ...moneyCells(extras.refunds.paidAtCounter.amount)]);
  rows.push(['cash', title, 'in', extras.cashMovements.in.count, ...moneyCells(extras.cashMovements.in.amount)]);
  rows.push(['cash', title, 'out', extras.cashMovements.out.count, ...moneyCells(extras.cashMovements.out.amount)]);
  const header = stringify([['section', 'key', 'figure', 'count', 'amount', 'amount_minor', 'currency']], STRINGIFY);
  return { text: UTF8_BOM + header + stringify(rows, STRINGIFY), rows: rows.length };
}

export interface ExportReportInput {
  from?: string | undefined;
  to?: string | undefined;
  zNumber?: string | undefined;
  by?: ReportGrouping | undefined;
  format: 'pdf' | 'csv';
  paper?: PaperSize | undefined;
}

export async function exportReport(deps: ExportDeps, input: ExportReportInput): Promise<ExportFile> {
  const source = deps.reports();
  if (!source) throw new AppError('not_supported', 'Reports are not available in this build yet');
  const subject: PdfSubject = input.zNumber
    ? { kind: 'z', z: await source.z(input.zNumber) }
    : { kind: 'report', report: await source.report({ ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}), ...(input.by ? { by: input.by } : {}) }) };
  const name = subject.kind === 'z' ? `${subject.z.number}_${subject.z.businessDay}` : `reporte_${subject.report.from === subject.report.to ? subject.report.from : `${subject.report.from}_${subject.report.to}`}`;
  if (input.format === 'csv') {
    const { text, rows } = reportCsv(subject);
    return { fileName: `${name}.csv`, mimeType: 'text/csv', encoding: 'utf8', content: text, rows };
  }
  const shop = deps.shop();
  const { bytes, lines } = await renderPdf(subject, { shopName: shop.name, language: shop.language, paper: input.paper ?? 'Letter' });
  return { fileName: `${name}.pdf`, mimeType: 'application/pdf', encoding: 'base64', content: bytes.toString('base64'), rows: lines };
}
