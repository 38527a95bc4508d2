import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProviderCommand } from '../../electron/cli/provider-command';
import type { RunningSandbox } from '../../electron/sandbox/index';
import { startFast } from './helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

let relier: RunningSandbox;
let mobisend: RunningSandbox;
let liquido: RunningSandbox;
let env: Record<string, string>;
const saved = { ...process.env };

/** A live spend needs both the flag and the typed phrase (the sandboxes here are configured as real credentials). */
const UNRECORDED = ['--allow-unrecorded', '--confirm', 'SIN REGISTRO'];

async function run(...argv: string[]): Promise<{ code: number; line: Record<string, unknown> }> {
  const lines: string[] = [];
  const code = await runProviderCommand(argv, (line) => lines.push(line));
  expect(lines).toHaveLength(1);
  return { code, line: JSON.parse(lines[0] ?? '{}') as Record<string, unknown> };
}

beforeAll(async () => {
  [relier, mobisend, liquido] = await Promise.all([startFast('relier'), startFast('mobisend'), startFast('liquido')]);
  env = {
    SALDO_DATA_DIR: mkdtempSync(join(tmpdir(), 'saldo-cli-')),
    SALDO_RELIER_URL: relier.url,
    SALDO_RELIER_API_KEY: relier.credentials.apiKey ?? '',
    SALDO_RELIER_CUSTOMER_ID: relier.credentials.customerId ?? '',
    SALDO_RELIER_RECONCILE_KEY: relier.credentials.reconcileKey ?? '',
    SALDO_MOBISEND_URL: mobisend.url,
    SALDO_MOBISEND_API_KEY: mobisend.credentials.apiKey ?? '',
    SALDO_LIQUIDO_URL: liquido.url,
    SALDO_LIQUIDO_API_KEY: liquido.credentials.apiKey ?? '',
    SALDO_LIQUIDO_TOKEN: liquido.credentials.accessToken ?? '',
  };
  Object.assign(process.env, env);
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([relier.close(), mobisend.close(), liquido.close()]);
});

describe('provider command, in process', () => {
  it('tops up with amounts as people say them and prints money in minor units', async () => {
    expect(await run('provider', 'relier', 'topup', '--phone', '5512345678', '--amount', '50', '--reference', 'CLI-1', '--async', ...UNRECORDED)).toMatchObject({
      code: 0,
      line: { ok: true, value: { state: 'pending', amount: { minor: 5000, currency: 'MXN' } } },
    });
    relier.control.settlePending();
    const sync = await run('relier', 'topup', '--phone', '5512345678', '--amount', '50', ...UNRECORDED);
    expect(sync.line).toMatchObject({ ok: true, value: { state: 'succeeded', cost: { minor: 294, currency: 'USD' } } });
    const id = (sync.line.value as { providerTransactionId: string }).providerTransactionId;
    expect((await run('relier', 'status', '--id', id)).line).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    expect((await run('relier', 'status', '--reference', 'CLI-1')).line).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    const today = new Date().toISOString().slice(0, 10);
    const rows = await run('relier', 'reconcile', '--from', today, '--to', today);
    expect((rows.line.value as unknown[]).length).toBe(2);
  });

  it('covers the read operations of each provider', async () => {
    expect((await run('relier', 'health')).line).toEqual({ ok: true, value: { ok: true } });
    expect((await run('mobisend', 'balance')).line).toMatchObject({ ok: true, value: { available: { currency: 'USD' } } });
    const carriers = (await run('liquido', 'carriers', '--country', 'MX')).line.value as { id: string; name: string }[];
    expect(carriers[0]).toMatchObject({ id: 'TA', name: 'Telcel' });
    const catalog = (await run('mobisend', 'catalog', '--country', 'MX', '--carrier', 'Telcel')).line.value as { carrier: string }[];
    expect(catalog.length).toBeGreaterThan(0);
    expect(catalog.every((product) => product.carrier === 'Telcel')).toBe(true);
    expect((await run('mobisend', 'billers', '--search', 'Duke')).line).toMatchObject({ ok: true, value: { total: 1, items: [{ billerCode: '12345' }] } });
    expect((await run('liquido', 'billers')).line).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });

  it('lists orders and resolves Liquido by key (bill payments go through the ledger: test/sales/cli-more-to-sell.test.ts)', async () => {
    expect((await run('mobisend', 'topup', '--phone', '5512345678', '--sku', '101', ...UNRECORDED)).line).toMatchObject({ ok: true, value: { amount: { minor: 2000, currency: 'MXN' } } });
    const orders = await run('mobisend', 'orders', '--from', '2020-01-01', '--to', '2099-12-31');
    expect((orders.line.value as { total: number }).total).toBe(1);
    expect((await run('liquido', 'topup', '--phone', '5512345678', '--sku', 'TAE100', '--key', 'cli-key-1', ...UNRECORDED)).line).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    expect((await run('liquido', 'status', '--key', 'cli-key-1')).line).toMatchObject({ ok: true, value: { state: 'succeeded', amount: { minor: 10000 } } });
  });

  it('prints classified errors with exit status 1', async () => {
    expect(await run('mobisend', 'topup', '--phone', '5500000001', '--amount', '100', ...UNRECORDED)).toEqual({
      code: 1,
      line: { ok: false, error: { code: 'number_rejected', message: 'NO SE PUEDE ABONAR A ESTE NUMERO', outcomeKnown: true, retrySameKeySafe: true } },
    });
    expect((await run('relier', 'topup', '--phone', '5512345678', '--amount', 'fifty', ...UNRECORDED)).line).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await run('relier', 'topup', '--phone', '5512345678', '--amount', '5000', ...UNRECORDED)).line).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await run('relier', 'fly')).code).toBe(1);
    expect((await run('relier', 'balance', '--bogus')).line).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('spending from the command line', () => {
  const logText = (): string => {
    try {
      return readFileSync(join(env.SALDO_DATA_DIR ?? '', 'logs', 'saldo.log'), 'utf8');
    } catch {
      return '';
    }
  };

  it('live: a top-up without the flag and the typed phrase is refused, spends nothing, and is logged', async () => {
    const attempts: string[][] = [
      ['relier', 'topup', '--phone', '5512345678', '--amount', '50', '--reference', 'CLI-REFUSED-1'],
      ['relier', 'topup', '--phone', '5512345678', '--amount', '50', '--reference', 'CLI-REFUSED-2', '--allow-unrecorded'],
      ['relier', 'topup', '--phone', '5512345678', '--amount', '50', '--reference', 'CLI-REFUSED-3', '--allow-unrecorded', '--confirm', 'sin registro'],
      ['relier', 'topup', '--phone', '5512345678', '--amount', '50', '--reference', 'CLI-REFUSED-4', '--confirm', 'SIN REGISTRO'],
    ];
    for (const attempt of attempts) {
      const refused = await run(...attempt);
      expect(refused).toMatchObject({ code: 1, line: { ok: false, error: { code: 'forbidden' } } });
      expect(String((refused.line.error as { message: string }).message)).toContain('SIN REGISTRO');
    }
    for (const reference of ['CLI-REFUSED-1', 'CLI-REFUSED-2', 'CLI-REFUSED-3', 'CLI-REFUSED-4']) {
      expect((await run('relier', 'status', '--reference', reference)).line).toMatchObject({ ok: true, value: { state: 'not_found' } });
    }
    const refusals = logText().split('\n').filter((line) => line.includes('cli.provider_spend_refused'));
    expect(refusals).toHaveLength(attempts.length);
  });

  it('live: an allowed spend is logged too, with the number cut to its last four digits', async () => {
    await run('relier', 'topup', '--phone', '5587654321', '--amount', '20', '--reference', 'CLI-LOGGED', ...UNRECORDED);
    const line = logText().split('\n').find((entry) => entry.includes('"cli.provider_spend"') && entry.includes('CLI-LOGGED'));
    expect(line).toBeDefined();
    expect(line).toContain('"phoneLast4":"4321"');
    expect(line).not.toContain('5587654321');
  });

  it('demo: a top-up goes through without the flag, as before, and is logged', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'saldo-cli-demo-'));
    const live = { ...process.env };
    try {
      for (const name of Object.keys(env)) delete process.env[name];
      process.env.SALDO_DATA_DIR = demoDir;
      expect((await run('relier', 'topup', '--phone', '5512345678', '--amount', '50')).line).toMatchObject({ ok: true, value: { state: 'succeeded' } });
      expect(readFileSync(join(demoDir, 'logs', 'saldo.log'), 'utf8')).toContain('"mode":"demo"');
    } finally {
      process.env = live;
    }
  });
});

describe('command line, as a process', () => {
  it('provider command prints one JSON line and exits 0 or 1', async () => {
    const runChild = (args: string[]): Promise<{ code: number | null; stdout: string }> =>
      new Promise((resolve) => {
        const child = spawn(tsx, ['electron/cli/provider-command.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        child.on('exit', (code) => resolve({ code, stdout }));
      });
    const [good, bad] = await Promise.all([
      runChild(['provider', 'relier', 'topup', '--phone', '5512345678', '--amount', '50', '--async', ...UNRECORDED]),
      runChild(['provider', 'mobisend', 'status', '--key', 'x']),
    ]);
    expect(good.code).toBe(0);
    expect(good.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, value: { state: 'pending', amount: { minor: 5000, currency: 'MXN' } } });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'not_supported', outcomeKnown: true, retrySameKeySafe: true } });
  });

  it('npm run sandbox prints one line per provider and stops on SIGTERM', async () => {
    const child = spawn(tsx, ['electron/cli/sandbox.ts'], { cwd: root });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await checkSandboxLines(child.stdout);
    } finally {
      // Stop it whatever the assertions said: a failed test must not leave servers behind.
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

/** The three JSON lines of `npm run sandbox`, and a sandbox that answers with the printed credentials. */
async function checkSandboxLines(stdout: NodeJS.ReadableStream): Promise<void> {
  const lines: Record<string, unknown>[] = [];
  const reader = createInterface({ input: stdout });
  await new Promise<void>((resolve) => {
    reader.on('line', (line) => {
      lines.push(JSON.parse(line) as Record<string, unknown>);
      if (lines.length === 3) resolve();
    });
  });
  expect(lines.map((line) => line.provider)).toEqual(['relier', 'mobisend', 'liquido']);
  expect(Object.keys(lines[0]?.credentials as object).sort()).toEqual(['apiKey', 'customerId', 'reconcileKey']);
  expect(Object.keys(lines[2]?.credentials as object).sort()).toEqual(['accessToken', 'apiKey']);
  const mobisendLine = lines[1] as { url: string; credentials: { apiKey: string } };
  expect(mobisendLine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const balance = await fetch(`${mobisendLine.url}/balance`, { headers: { 'x-api-key': mobisendLine.credentials.apiKey } });
  expect(balance.status).toBe(200);
}
