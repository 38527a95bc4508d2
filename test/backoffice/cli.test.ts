/**
 * The back office from the command line, in-process over a fresh data folder (SALDO_DATA_DIR): one JSON line per
 * command, exit status 0 or 1, amounts typed as people say them, the shapes the issue spells out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackofficeCommand } from '../../electron/cli/backoffice-commands';
import { runLedgerCommand } from '../../electron/cli/ledger-commands';

let dir = '';
const saved = process.env.SALDO_DATA_DIR;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-bo-cli-'));
  process.env.SALDO_DATA_DIR = dir;
});
afterAll(() => {
  process.env.SALDO_DATA_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

async function cli(run: (output: (line: string) => void) => Promise<number>): Promise<{ status: number; json: Record<string, unknown> }> {
  const lines: string[] = [];
  const status = await run((line) => lines.push(line));
  expect(lines).toHaveLength(1);
  return { status, json: JSON.parse(lines[0] ?? '{}') as Record<string, unknown> };
}
const mxn = (minor: number) => ({ minor, currency: 'MXN' });

describe('cli: shift, report, close-day', () => {
  it('opens, sells, moves cash, counts and closes, reports and closes the day once', async () => {
    expect(await cli((out) => runBackofficeCommand('shift', ['open', '--float', '500'], out))).toMatchObject({ status: 0, json: { ok: true, shift: { state: 'open', float: mxn(50000) } } });
    expect(await cli((out) => runLedgerCommand('sell', ['--phone', '5500000000', '--amount', '50'], out))).toMatchObject({ status: 0, json: { ok: true } });
    expect(await cli((out) => runBackofficeCommand('shift', ['cash', '--in', '200', '--reason', 'cambio'], out))).toMatchObject({ status: 0, json: { movement: { direction: 'in', amount: mxn(20000) } } });
    expect(await cli((out) => runBackofficeCommand('shift', ['cash', '--out', '100', '--reason', 'caja fuerte'], out))).toMatchObject({ status: 0 });
    // 500 + 50 + 200 − 100 = 650 expected; counted 1234.50: 584.50 over, beyond the tolerance.
    const over = await cli((out) => runBackofficeCommand('shift', ['close', '--counted', '1234.50'], out));
    expect(over).toMatchObject({ status: 1, json: { ok: false, error: { code: 'difference_needs_owner' }, shift: { state: 'ended', expected: mxn(65000), counted: mxn(123450), difference: mxn(58450) } } });
    const closed = await cli((out) => runBackofficeCommand('shift', ['close', '--note', 'sobrante por revisar', '--owner-pin', '4321'], out));
    expect(closed).toMatchObject({ status: 0, json: { shift: { state: 'closed', note: 'sobrante por revisar' } } });
    const shift = (closed.json.shift ?? {}) as Record<string, unknown>;
    for (const key of ['id', 'openedAt', 'closedAt', 'float', 'cashSales', 'refundsPaid', 'cashIn', 'cashOut', 'expected', 'counted', 'difference']) expect(shift).toHaveProperty(key);

    const report = await cli((out) => runBackofficeCommand('report', ['--by', 'hour'], out));
    expect(report).toMatchObject({ status: 0, json: { ok: true, report: { totals: { succeeded: { count: 1, amount: mxn(5000) }, failed: { count: 0 }, refunded: { count: 0 } } } } });
    const z = await cli((out) => runBackofficeCommand('close-day', [], out));
    expect(z).toMatchObject({ status: 0, json: { ok: true, z: { number: 'Z-0001', totals: { succeeded: { count: 1 } }, openItems: { count: 0 }, firstSeq: 1 } } });
    expect(await cli((out) => runBackofficeCommand('close-day', [], out))).toMatchObject({ status: 1, json: { ok: false, error: { code: 'conflict' } } });
    expect(await cli((out) => runBackofficeCommand('report', ['--by', 'week'], out))).toMatchObject({ status: 1, json: { error: { code: 'invalid_input' } } });
    expect(await cli((out) => runBackofficeCommand('shift', ['cash', '--in', '2'], out))).toMatchObject({ status: 1, json: { error: { code: 'invalid_input' } } });
  }, 60_000);
});
