/**
 * The accounts commands as a script drives them, each one JSON line and exit 0/1, over one data folder:
 * export sales|report, deposits add|list, reconcile, float-check, refunds; wrong or missing flags are invalid_input.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDayOf } from '../../shared/business-day';
import { runAccountsCommand, type AccountsCommand } from '../../electron/cli/accounts-commands';
import { runLedgerCommand } from '../../electron/cli/ledger-commands';

const previous = process.env.SALDO_DATA_DIR;
let dir: string;
const today = () => businessDayOf(Date.now()).date;

async function run(command: AccountsCommand, argv: string[] = []): Promise<{ code: number; json: Record<string, unknown> }> {
  const lines: string[] = [];
  const code = await runAccountsCommand(command, argv, (line) => lines.push(line));
  expect(lines).toHaveLength(1);
  return { code, json: JSON.parse(lines[0] ?? '{}') as Record<string, unknown> };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-accounts-cli-'));
  process.env.SALDO_DATA_DIR = dir;
  const lines: string[] = [];
  expect(await runLedgerCommand('sell', ['--phone', '5512345678', '--amount', '50'], (line) => lines.push(line))).toBe(0);
}, 60_000);

afterAll(() => {
  if (previous === undefined) delete process.env.SALDO_DATA_DIR;
  else process.env.SALDO_DATA_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- export / deposits / reconcile / float-check / refunds', () => {
  it('export sales writes the CSV of the day with the number masked', async () => {
    const out = join(dir, 'ventas.csv');
    const { code, json } = await run('export', ['sales', '--from', today(), '--to', today(), '--out', out]);
    expect({ code, json }).toMatchObject({ code: 0, json: { ok: true, file: out, rows: 1, mimeType: 'text/csv' } });
    const rows = parse(readFileSync(out, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([expect.objectContaining({ phone: '******5678', amount: '50.00', currency: 'MXN', state: 'succeeded' })]);
  }, 60_000);

  it("export report writes today's report as a PDF; an unknown Z is refused", async () => {
    const out = join(dir, 'reporte.pdf');
    expect(await run('export', ['report', '--out', out])).toMatchObject({ code: 0, json: { ok: true, file: out, mimeType: 'application/pdf' } });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await run('export', ['report', '--z', 'Z-9999', '--out', join(dir, 'z.pdf')])).toMatchObject({ code: 1, json: { ok: false, error: { code: expect.any(String) } } });
  }, 60_000);

  it('deposits add takes the amount as people say it, in the currency given; list shows it', async () => {
    const { code, json } = await run('deposits', ['add', '--provider', 'relier', '--amount', '1000', '--currency', 'USD', '--reference', 'SPEI 7781']);
    expect({ code, json }).toMatchObject({ code: 0, json: { ok: true, deposit: { provider: 'relier', amount: { minor: 100000, currency: 'USD' }, reference: 'SPEI 7781', date: today() } } });
    expect(await run('deposits', ['list'])).toMatchObject({ code: 0, json: { ok: true, deposits: [expect.objectContaining({ reference: 'SPEI 7781' })] } });
    expect(await run('deposits', ['add', '--provider', 'relier', '--amount', '1000', '--currency', 'USD'])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
  }, 60_000);

  it('reconcile --date prints the four lists; float-check --date prints expected, reported and variance per provider', async () => {
    const reconcile = await run('reconcile', ['--date', today()]);
    expect(reconcile.code).toBe(0);
    for (const list of ['matched', 'missingAtProvider', 'missingInLedger', 'differs']) expect(Array.isArray(reconcile.json[list]), list).toBe(true);
    const check = await run('float-check', ['--date', today()]);
    expect(check.code).toBe(0);
    const providers = check.json.providers as Array<Record<string, unknown>>;
    expect(providers.map((line) => line.provider)).toEqual(['relier', 'mobisend', 'liquido']);
    for (const line of providers) expect(Object.keys(line)).toEqual(expect.arrayContaining(['expected', 'reported', 'variance', 'likelyCauses']));
  }, 60_000);

  it('refunds lists what is owed; missing or bad flags are invalid_input', async () => {
    expect(await run('refunds')).toMatchObject({ code: 0, json: { ok: true, count: 0, refunds: [] } });
    expect(await run('reconcile')).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('float-check', ['--date', '2026-02-30'])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('export', ['sales', '--from', today()])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    expect(await run('reconcile', ['--date', today(), '--bogus'])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
  }, 60_000);
});
