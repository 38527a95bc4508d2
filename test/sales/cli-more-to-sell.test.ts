/**
 * The command line for issue 14, in demo mode over a fresh data folder: `provider mobisend billpay` is a sale
 * in the ledger (the same one JSON line as `sell`), `pricing` reads and changes the owner's rate and markup
 * (validated), and `sell --detect-carrier` lets MobiSend name the carrier. Pesos are worked out by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPricingCommand } from '../../electron/cli/billpay-command';
import { runLedgerCommand } from '../../electron/cli/ledger-commands';
import { runProviderCommand } from '../../electron/cli/provider-command';

type Line = { ok: boolean; [key: string]: unknown };
let dataDir: string;
const saved = { ...process.env };

async function oneLine(run: (print: (line: string) => void) => Promise<number>): Promise<{ code: number; line: Line }> {
  const lines: string[] = [];
  const code = await run((line) => lines.push(line));
  expect(lines).toHaveLength(1);
  return { code, line: JSON.parse(lines[0] ?? '{}') as Line };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-cli-more-'));
  for (const key of Object.keys(process.env)) if (key.startsWith('SALDO_')) delete process.env[key];
  process.env.SALDO_DATA_DIR = dataDir;
});

afterAll(() => {
  process.env = saved;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('command line: more to sell', () => {
  it('pricing: reads the demo rate, sets one for all and one for a country, refuses a bad one', async () => {
    expect((await oneLine((print) => runPricingCommand([], print))).line).toEqual({ ok: true, pricing: { default: { rate: '18.50', markupPercent: '5' }, byCountry: [] } });
    expect((await oneLine((print) => runPricingCommand(['--rate', '19', '--markup', '4'], print))).line).toMatchObject({ ok: true, pricing: { default: { rate: '19', markupPercent: '4' } } });
    expect((await oneLine((print) => runPricingCommand(['--rate', '20.25', '--markup', '0', '--country', 'hn'], print))).line).toMatchObject({
      pricing: { byCountry: [{ country: 'HN', rate: '20.25', markupPercent: '0' }] },
    });
    const bad = await oneLine((print) => runPricingCommand(['--rate', 'abc', '--markup', '4'], print));
    expect(bad).toMatchObject({ code: 1, line: { ok: false, error: { code: 'invalid_input' } } });
    expect((await oneLine((print) => runPricingCommand(['--country', 'HN', '--clear'], print))).line).toMatchObject({ ok: true, pricing: { byCountry: [] } });
    expect((await oneLine((print) => runPricingCommand(['--rate', '18.50', '--markup', '5'], print))).code).toBe(0);
  });

  it('provider mobisend billpay records a sale of kind bill and prints it with the quote', async () => {
    const { code, line } = await oneLine((print) => runProviderCommand(['mobisend', 'billpay', '--biller', '12345', '--biller-name', 'Duke Energy', '--account', '1234567890', '--amount', '150', '--rush'], print));
    expect(code).toBe(0);
    // 151.25 USD × 18.50 × 1.05 = 2,938.03125 → 2,938.03 MXN
    expect(line).toMatchObject({
      ok: true,
      quote: { fee: { minor: 125, currency: 'USD' }, total: { minor: 15_125, currency: 'USD' } },
      sale: { kind: 'bill', state: 'succeeded', price: { minor: 293_803, currency: 'MXN' }, bill: { billerName: 'Duke Energy', rush: true } },
    });
    const listed = await oneLine((print) => runLedgerCommand('sales', [], print));
    expect((listed.line.sales as Array<{ kind: string }>).map((sale) => sale.kind)).toContain('bill');
  });

  it('provider mobisend billpay with a refused account prints the payment failed and owed back (like sell)', async () => {
    const { code, line } = await oneLine((print) => runProviderCommand(['mobisend', 'billpay', '--biller', '12345', '--account', '5500000001', '--amount', '20'], print));
    expect(code).toBe(0);
    expect(line).toMatchObject({ ok: true, sale: { kind: 'bill', state: 'refund_due', failureCode: 'account_rejected' } });
  });

  it('sell --detect-carrier lets MobiSend name the carrier', async () => {
    const { code, line } = await oneLine((print) => runLedgerCommand('sell', ['--phone', '5512345677', '--amount', '50', '--detect-carrier'], print));
    expect(code).toBe(0);
    expect(line).toMatchObject({ ok: true, sale: { carrier: 'AT&T', carrierDetected: true, provider: 'mobisend' } });
  });
});
