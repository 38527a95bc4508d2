/**
 * The shop's set-up from a terminal, as a field tech's script drives it: one JSON line per command, exit 0 or 1,
 * never a PIN, hash or secret in the output; a secret may come from standard input.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShopCommand, type ShopCommand } from '../../electron/cli/shop-commands';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox';

const previous = process.env.SALDO_DATA_DIR;
let dir: string;
let sandbox: RunningSandbox;
let secret: string;

async function run(command: ShopCommand, argv: string[] = [], stdin = ''): Promise<{ code: number; json: Record<string, unknown>; line: string }> {
  const lines: string[] = [];
  const code = await runShopCommand(command, argv, (line) => lines.push(line), () => Promise.resolve(stdin));
  expect(lines).toHaveLength(1);
  return { code, json: JSON.parse(lines[0]!) as Record<string, unknown>, line: lines[0]! };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-shop-cli-'));
  process.env.SALDO_DATA_DIR = dir;
  sandbox = await startSandbox('mobisend');
  secret = sandbox.credentials.apiKey as string;
});

afterAll(async () => {
  if (previous === undefined) delete process.env.SALDO_DATA_DIR;
  else process.env.SALDO_DATA_DIR = previous;
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- setup / users / settings / credentials', () => {
  it('setup creates the shop and its owner once; a second setup is a conflict', async () => {
    const first = await run('setup', ['--shop-name', 'Abarrotes Lupita', '--owner-name', 'Lupita', '--owner-pin', '908172', '--timezone', 'America/Monterrey']);
    expect(first).toMatchObject({ code: 0, json: { ok: true, owner: { name: 'Lupita', role: 'owner' }, setup: { steps: { shop: true, businessDay: true, owner: true } } } });
    expect(first.line).not.toContain('908172');
    expect(await run('setup', ['--shop-name', 'Otra', '--owner-name', 'Otro', '--owner-pin', '908173'])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'conflict' } } });
    expect(await run('setup', ['--shop-name', 'Otra'])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
  }, 30_000);

  it('users add, list (no PIN, no hash), reset-pin, disable; a weak PIN is refused', async () => {
    const added = await run('users', ['add', '--name', 'Beto', '--role', 'cashier', '--pin', '552299']);
    expect(added).toMatchObject({ code: 0, json: { ok: true, user: { name: 'Beto', role: 'cashier', active: true } } });
    const id = (added.json.user as { id: string }).id;
    expect(await run('users', ['add', '--name', 'Carla', '--role', 'cashier', '--pin', '1111'])).toMatchObject({ code: 1, json: { error: { code: 'weak_pin' } } });
    const listed = await run('users', ['list']);
    expect(listed.code).toBe(0);
    expect((listed.json.users as Array<{ name: string }>).map((user) => user.name)).toEqual(expect.arrayContaining(['Lupita', 'Beto']));
    expect(listed.line).not.toMatch(/552299|908172|scrypt|hash/i);
    expect(await run('users', ['reset-pin', '--id', id, '--pin', '552288'])).toMatchObject({ code: 0, json: { ok: true } });
    expect(await run('users', ['disable', '--id', id])).toMatchObject({ code: 0, json: { ok: true, user: { active: false } } });
    expect(await run('users', ['disable', '--id', 'nobody'])).toMatchObject({ code: 1, json: { error: { code: 'not_found' } } });
    expect(await run('users', ['promote'])).toMatchObject({ code: 1, json: { error: { code: 'invalid_input' } } });
  }, 30_000);

  it('settings get and set: JSON or text values, unknown key or bad value is invalid_input', async () => {
    expect(await run('settings', ['set', 'receiptWidthMm', '80'])).toMatchObject({ code: 0, json: { ok: true, settings: { receiptWidthMm: 80, changed: ['receiptWidthMm'] } } });
    expect(await run('settings', ['set', 'receiptFooter', 'Gracias por su compra'])).toMatchObject({ code: 0, json: { settings: { receiptFooter: 'Gracias por su compra' } } });
    expect(await run('settings', ['set', 'offlinePolicy', '{"enabled":true,"maxSale":{"minor":20000,"currency":"MXN"},"maxQueuedTotal":{"minor":100000,"currency":"MXN"},"maxAgeMs":3600000}'])).toMatchObject({ code: 0 });
    expect(await run('settings', ['set', 'receiptWidthMm', '72'])).toMatchObject({ code: 1, json: { error: { code: 'invalid_input', issues: [expect.stringMatching(/^receiptWidthMm:/)] } } });
    expect(await run('settings', ['set', 'colour', 'blue'])).toMatchObject({ code: 1, json: { error: { code: 'invalid_input' } } });
    const got = await run('settings', ['get']);
    expect(got).toMatchObject({ code: 0, json: { settings: { values: { receiptWidthMm: 80, shop: { name: 'Abarrotes Lupita' }, timeZone: 'America/Monterrey', offlinePolicy: { maxSale: { minor: 20000, currency: 'MXN' } } } } } });
  }, 30_000);

  it('credentials set (secret from standard input), test, remove: the secret is never printed', async () => {
    const set = await run('credentials', ['set', 'mobisend', '--url', sandbox.url, '--api-key', '-'], `${secret}\n`);
    expect(set).toMatchObject({ code: 0, json: { ok: true, restartRequired: true } });
    expect(set.line).not.toContain(secret);
    const tested = await run('credentials', ['test', 'mobisend']);
    expect(tested).toMatchObject({ code: 0, json: { ok: true, provider: 'mobisend', balance: { currency: 'USD' } } });
    const listed = await run('credentials', ['list']);
    expect(listed.line).not.toContain(secret);
    expect(listed.json.providers).toEqual(expect.arrayContaining([expect.objectContaining({ provider: 'mobisend', source: 'stored', credentials: { apiKey: { set: true, last4: secret.slice(-4) } } })]));
    expect(await run('credentials', ['set', 'mobisend', '--url', 'http://api.example.com', '--api-key', 'k-000000001'])).toMatchObject({ code: 1, json: { error: { code: 'insecure_url' } } });
    expect(await run('credentials', ['test', 'liquido'])).toMatchObject({ code: 1, json: { error: { code: 'not_configured' } } });
    expect(await run('credentials', ['test', 'acme'])).toMatchObject({ code: 1, json: { error: { code: 'invalid_input' } } });
    const removed = await run('credentials', ['remove', 'mobisend']);
    expect(removed).toMatchObject({ code: 0 });
    expect(removed.json.providers).toEqual(expect.arrayContaining([expect.objectContaining({ provider: 'mobisend', source: 'none' })]));
  }, 60_000);
});
