/**
 * The exports as the owner gets them: the sales CSV read back the way a spreadsheet reads it (BOM, comma,
 * dot decimals, quoted text), its amounts adding up to what was sold; full numbers only when asked, and then
 * journaled; the PDF of a report and of a Z holding the figures the report has, as a person reads them.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/contract/accounts';
import type { Report, Z } from '../../shared/contract/backoffice';
import { exportReport, type ExportDeps } from '../../electron/core/accounts/exports';
import { renderPdf } from '../../electron/core/accounts/pdf-export';
import { startAccountsWorld, type AccountsWorld } from './helpers';
import { pdfTextCells } from './pdf-text';

let world: AccountsWorld;
const sold: Array<{ id: string; phone: string; minor: number; state: string }> = [];

beforeAll(async () => {
  world = await startAccountsWorld();
  // A cashier whose name a spreadsheet would take for a formula, with accents UTF-8 must keep.
  world.core.db.prepare("UPDATE users SET name = '=1+1 Bárbara Núñez' WHERE role = 'cashier'").run();
  await world.as('cashier');
  for (const [phone, minor] of [['5512345678', 5000], ['5587654321', 10000], ['5500000001', 3000]] as const) {
    const answer = await world.call('sales.sell', { requestId: crypto.randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor, currency: 'MXN' }, provider: 'relier' });
    const id = 'value' in answer ? (answer.value.id as string) : (world.core.db.prepare('SELECT id FROM sales WHERE phone = ?').get(phone) as { id: string }).id;
    sold.push({ id, phone, minor, state: world.core.sales.ledger.mustGet(id).state });
  }
}, 60_000);
afterAll(async () => {
  await world.close();
});

async function exportSales(fullNumbers?: boolean): Promise<ExportFile> {
  await world.as('owner');
  const answer = await world.call('accounts.exportSales', { from: world.today(), to: world.today(), ...(fullNumbers ? { fullNumbers } : {}) });
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.value as unknown as ExportFile;
}

describe('sales CSV', () => {
  it('reads back as one row per sale, amounts adding up to what was sold, numbers masked to the last four', async () => {
    const file = await exportSales();
    expect(file).toMatchObject({ mimeType: 'text/csv', encoding: 'utf8', rows: 3, fileName: `ventas_${world.today()}.csv` });
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content).toContain('\r\n');
    const rows = parse(file.content, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(3);
    for (const sale of sold) {
      const row = rows.find((item) => item.sale_id === sale.id);
      expect(row).toMatchObject({ phone: `******${sale.phone.slice(-4)}`, currency: 'MXN', amount_minor: String(sale.minor), state: sale.state, cashier: "'=1+1 Bárbara Núñez", provider: 'relier', carrier: 'Telcel' });
      // Dot decimal, two digits, no thousands separator: the same text for a spreadsheet in es-MX and en-US.
      expect(row?.amount).toMatch(/^\d+\.\d{2}$/);
    }
    const total = rows.reduce((sum, row) => sum + Math.round(Number(row.amount) * 100), 0);
    expect(total).toBe(sold.reduce((sum, sale) => sum + sale.minor, 0));
    // The shop's wall clock (Mexico City), as a spreadsheet reads a date-time; and the UTC instant beside it.
    for (const row of rows) {
      const wall = new Date(row.created_utc ?? '').toLocaleString('sv-SE', { timeZone: 'America/Mexico_City', hourCycle: 'h23' });
      expect(row.created_local).toBe(wall);
    }
    const delivered = rows.find((row) => row.state === 'succeeded');
    expect(delivered?.cost).toMatch(/^\d+\.\d{2}$/);
    expect(delivered).toMatchObject({ cost_currency: 'USD', exchange_rate: '17.0068' });
    expect(delivered?.folio).not.toBe('');
    expect(file.content).not.toContain('5512345678');
  });

  it('gives full numbers only when the owner asks, and journals who took them out', async () => {
    const before = world.core.journal.entries({ kind: 'export.full_numbers' }).length;
    const rows = parse((await exportSales(true)).content, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.phone).sort()).toEqual(sold.map((sale) => sale.phone).sort());
    const entries = world.core.journal.entries({ kind: 'export.full_numbers' });
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ detail: { rows: 3 } });
  });

  it('is refused to a cashier and to nobody signed in', async () => {
    await world.as('cashier');
    expect(await world.call('accounts.exportSales', { from: world.today(), to: world.today() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await world.as('out');
    expect(await world.call('accounts.exportSales', { from: world.today(), to: world.today() })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

const figure = (count: number, minor: number) => ({ count, amount: { minor, currency: 'MXN' } });
const zero = figure(0, 0);
const totals = {
  created: zero, queued: figure(1, 5000), sending: zero, pending: zero, unknown: zero,
  succeeded: figure(3, 123450), failed: zero, refund_due: figure(1, 3000), refunded: figure(1, 2000),
  all: figure(6, 133450), cost: { minor: 100000, currency: 'MXN' }, costCharged: [{ minor: 5880, currency: 'USD' }], costKnownCount: 3, margin: { minor: 23450, currency: 'MXN' },
};
const report: Report = {
  from: '2026-03-10', to: '2026-03-10', currency: 'MXN', includesDemo: true, totals, by: 'cashier',
  groups: [{ key: 'Bárbara', ...totals }], refunds: { owed: figure(1, 3000), paid: figure(1, 2000), paidAtCounter: zero },
  cashMovements: { in: figure(1, 20000), out: zero }, shifts: [{ shiftId: 'shift-1', state: 'closed', expected: { minor: 150000, currency: 'MXN' }, counted: { minor: 149950, currency: 'MXN' }, difference: { minor: -50, currency: 'MXN' } }],
  carried: [], zNumber: null, generatedAt: '2026-03-10T23:00:00.000Z',
};
const z: Z = {
  number: 'Z-0007', businessDay: '2026-03-10', closedAt: '2026-03-11T05:00:00.000Z', closedBy: 'owner-1', totals, refunds: report.refunds, cashMovements: report.cashMovements,
  shifts: report.shifts, chainHead: 'ab'.repeat(32), firstSeq: 101, lastSeq: 140, openItems: { count: 1, amount: { minor: 5000, currency: 'MXN' }, sales: [{ saleId: 'sale-q', state: 'queued', amount: { minor: 5000, currency: 'MXN' }, createdAt: '2026-03-10T20:00:00.000Z' }] },
  grandTotal: { minor: 98765432, currency: 'MXN' }, completeness: { sequenceComplete: true, eventCount: 40, openCount: 1 },
};

describe('PDF', () => {
  it("a report's PDF holds its totals as a person reads them, in Spanish", async () => {
    const { bytes } = await renderPdf({ kind: 'report', report }, { shopName: 'Tienda Núñez', language: 'es', paper: 'A4' });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const cells = pdfTextCells(bytes);
    for (const text of ['Entregadas', '$1,234.50', 'Todas', '$1,334.50', 'Margen', '$234.50', 'Por devolver', '$30.00', 'Bárbara', '-$0.50']) expect(cells, text).toContain(text);
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it("a Z's PDF holds its number, totals, open items, grand total and chain head, in English on Letter", async () => {
    const { bytes } = await renderPdf({ kind: 'z', z }, { shopName: 'Shop', language: 'en', paper: 'Letter' });
    const cells = pdfTextCells(bytes);
    const text = cells.join('\n');
    expect(text).toContain('Z-0007');
    // English formats the shop's pesos as MX$, as en-US does.
    for (const cell of ['Delivered', 'MX$1,234.50', 'MX$987,654.32', 'MX$50.00']) expect(cells, cell).toContain(cell);
    expect(text).toContain('ab'.repeat(32));
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
  });

  it('the export channel hands the PDF back as base64 with a file name; the CSV of a report adds up', async () => {
    const deps = { reports: () => ({ report: () => report, z: () => z }), shop: () => ({ name: 'Tienda', language: 'es' as const }) } as unknown as ExportDeps;
    const pdf = await exportReport(deps, { zNumber: 'Z-0007', format: 'pdf', paper: 'A4' });
    expect(pdf).toMatchObject({ fileName: 'Z-0007_2026-03-10.pdf', mimeType: 'application/pdf', encoding: 'base64' });
    expect(pdfTextCells(Buffer.from(pdf.content, 'base64'))).toContain('$1,234.50');
    const csv = await exportReport(deps, { format: 'csv', from: '2026-03-10', to: '2026-03-10', by: 'cashier' });
    const rows = parse(csv.content, { bom: true, columns: true }) as Array<Record<string, string>>;
    const stateRows = rows.filter((row) => row.section === 'totals' && !['all', 'cost', 'margin', 'cost_charged'].includes(row.figure ?? ''));
    const all = rows.find((row) => row.section === 'totals' && row.figure === 'all');
    expect(stateRows.reduce((sum, row) => sum + Number(row.amount_minor), 0)).toBe(Number(all?.amount_minor));
    expect(rows.find((row) => row.section === 'by_cashier' && row.figure === 'succeeded')).toMatchObject({ key: 'Bárbara', amount: '1234.50' });
  });

  it("today's report as a PDF through the channel: its total is what the sales CSV adds up to and what the report says", async () => {
    await world.as('owner');
    const report = await world.call('report.get', { from: world.today(), to: world.today() });
    if (!report.ok) throw new Error(JSON.stringify(report));
    const all = (report.value as unknown as Report).totals.all;
    expect(all.count).toBe(sold.length);
    expect(all.amount.minor).toBe(sold.reduce((sum, sale) => sum + sale.minor, 0));
    const answer = await world.call('accounts.exportReport', { from: world.today(), to: world.today(), format: 'pdf' });
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    const file = answer.value as unknown as ExportFile;
    expect(file).toMatchObject({ mimeType: 'application/pdf', encoding: 'base64', fileName: `reporte_${world.today()}.pdf` });
    const cells = pdfTextCells(Buffer.from(file.content, 'base64'));
    // The shop's language is Spanish (es-MX): $180.00 for 50 + 100 + 30 pesos.
    expect(cells).toContain('$180.00');
    expect(cells).toContain(String(sold.length));
    await world.as('cashier');
    expect(await world.call('accounts.exportReport', { format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
