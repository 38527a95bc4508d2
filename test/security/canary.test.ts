/**
 * The credential canary: a demo-to-live session in which every credential of every provider is one unique
 * value, driven the way a shop drives Saldo (sales, provider faults that echo the key back, refused and broken
 * calls, every channel, logs, the command line). Afterwards the canary is nowhere on disk but inside the
 * encrypted store (where it is ciphertext), nowhere in any response, pushed event, log or CLI output.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runLedgerCommand } from '../../electron/cli/ledger-commands';
import { runProviderCommand, UNRECORDED_CONFIRMATION } from '../../electron/cli/provider-command';
import { hashPin } from '../../electron/core/auth/pins';
import { loadProviderSettings, PROVIDER_SETTINGS_FILE, saveProviderSettings } from '../../electron/core/providers/config';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { NodeSecretStore } from '../../electron/core/secrets/node-secret-store';
import { startDemoSandboxes, startSandbox, type RunningSandbox } from '../../electron/sandbox';
import { channels } from '../../shared/contract';

const CANARY = `CANARY${randomBytes(12).toString('hex')}`;
const CREDENTIALS = { apiKey: CANARY, customerId: CANARY, reconcileKey: CANARY, accessToken: CANARY };

let dataDir: string;
let sandboxes: RunningSandbox[] = [];
/** Everything that left the core or the command line during the session: the canary must be in none of it. */
const seen: string[] = [];
const savedEnv = { ...process.env };

function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? everyFile(path) : [path];
  });
}

async function coreFor(mode: 'demo' | 'live'): Promise<SaldoCore> {
  const core = await createSaldoCore({ dataDir, env: {}, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });
  expect(core.info.mode).toBe(mode);
  core.events.subscribe((name, payload) => seen.push(JSON.stringify({ name, payload })));
  await core.recovery;
  return core;
}

/** The owner a live shop's set-up creates (a live install has no demo users and sells only once an owner exists). */
const OWNER_PIN = '860531';

async function signIn(core: SaldoCore, mode: 'demo' | 'live'): Promise<void> {
  if (mode === 'live') {
    const { hash, salt } = await hashPin(OWNER_PIN, { N: 1024, r: 8, p: 1 });
    core.db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('canary-owner', 'Dueña', 'owner', ?, ?, ?)").run(hash, salt, new Date().toISOString());
  }
  const signedIn = await core.dispatcher.invoke('auth.signIn', { pin: mode === 'live' ? OWNER_PIN : '1234' }, { host: 'test' });
  seen.push(JSON.stringify(signedIn));
  expect(signedIn).toMatchObject({ ok: true });
}

async function call(core: SaldoCore, channel: string, input: unknown): Promise<unknown> {
  const answer = await core.dispatcher.invoke(channel, input, { host: 'test' });
  seen.push(JSON.stringify(answer));
  return answer;
}

// Each sale to its own number: the re-sell guard (issue 15) would otherwise rightly ask before a repeat.
let nextPhone = 5512340000;
const sale = (overrides: Record<string, unknown> = {}) => ({ requestId: randomUUID(), phone: String(nextPhone++), country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' }, ...overrides });

/** A provider that echoes our key back in its error, the way a buggy provider does. */
function echoFault(sandbox: RunningSandbox, status: number): void {
  const echoed = `invalid credentials x-api-key=${CANARY} customer ${CANARY} Bearer ${CANARY}`;
  sandbox.control.addFaults([{ kind: 'respond', status, count: 1, method: 'POST', body: { success: false, message: echoed, error: echoed, errorMessage: echoed, description: echoed, status: 'FAILED' } }]);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-canary-'));
  for (const name of Object.keys(process.env)) if (name.startsWith('SALDO_')) delete process.env[name];
  process.env.SALDO_DATA_DIR = dataDir;
  for (const method of ['log', 'warn', 'error', 'info'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void seen.push(args.map(String).join(' ')));
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  process.env = savedEnv;
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('credential canary', () => {
  it('a demo-to-live session leaks the canary nowhere', async () => {
    // Demo first, as a new shop starts.
    const demo = await coreFor('demo');
    await signIn(demo, 'demo');
    expect(await call(demo, 'sales.sell', sale())).toMatchObject({ ok: true });
    await demo.close();

    // The owner enters real credentials: here, the canary as every one of them.
    sandboxes = await Promise.all((['relier', 'mobisend', 'liquido'] as const).map((provider) => startSandbox(provider, { credentials: CREDENTIALS, asyncDelayMs: 30, rateWindowScale: 0.001 })));
    const [relier, mobisend, liquido] = sandboxes as [RunningSandbox, RunningSandbox, RunningSandbox];
    saveProviderSettings(dataDir, NodeSecretStore.open(dataDir), {
      relier: { baseUrl: relier.url, apiKey: CANARY, customerId: CANARY, reconcileKey: CANARY, timeoutMs: 2000 },
      mobisend: { baseUrl: mobisend.url, apiKey: CANARY, timeoutMs: 2000 },
      liquido: { baseUrl: liquido.url, apiKey: CANARY, accessToken: CANARY, timeoutMs: 2000 },
    });

    const live = await coreFor('live');
    await live.sales.sync.refresh();
    await signIn(live, 'live');
    // Sales that go through prove the canary is the credential in use.
    expect(await call(live, 'sales.sell', sale({ provider: 'relier' }))).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    expect(await call(live, 'sales.sell', sale({ provider: 'mobisend' }))).toMatchObject({ ok: true });
    // Faults: each provider echoes the key in an error; others fail in their own ways.
    for (const [sandbox, provider] of [[relier, 'relier'], [mobisend, 'mobisend'], [liquido, 'liquido']] as const) {
      for (const status of [400, 401, 500]) {
        echoFault(sandbox, status);
        await call(live, 'sales.sell', sale({ provider }));
      }
    }
    relier.control.addFaults([{ kind: 'malformed_json', count: 1 }, { kind: 'server_error', count: 1 }]);
    await call(live, 'sales.sell', sale({ provider: 'relier' }));
    await live.sales.sync.runOnce();
    live.logger.warn('canary.probe', { header: `x-api-key: ${CANARY}`, nested: { token: CANARY } });
    // Errors and every channel, as a renderer (or a curious page) could call them.
    await call(live, 'sales.sell', sale({ carrier: `<b>${CANARY}</b>` }));
    await call(live, 'no.such.channel', { key: CANARY });
    for (const channel of Object.keys(channels)) {
      if (channel === 'auth.signOut') continue;
      await call(live, channel, {});
      await call(live, channel, { id: CANARY, pin: '0000', language: 'en' });
    }
    const listed = (await call(live, 'sales.list', {})) as { ok: boolean; value?: { sales: Array<{ id: string; failureMessage: string | null }> } };
    const sales = listed.value?.sales ?? [];
    expect(sales.some((row) => row.failureMessage !== null)).toBe(true);
    for (const row of sales) await call(live, 'sales.get', { id: row.id });
    await live.close();

    // The command line: provider operations, a refused and an allowed spend, the ledger commands.
    const cli = (line: string) => void seen.push(line);
    await runProviderCommand(['relier', 'balance'], cli);
    await runProviderCommand(['mobisend', 'topup', '--phone', '5512345678', '--sku', '101'], cli);
    echoFault(relier, 401);
    await runProviderCommand(['relier', 'topup', '--phone', '5512345678', '--amount', '50', '--allow-unrecorded', '--confirm', UNRECORDED_CONFIRMATION], cli);
    await runProviderCommand(['liquido', 'carriers', '--country', 'MX'], cli);
    await runLedgerCommand('sales', [], cli);
    await runLedgerCommand('verify', [], cli);

    // Nothing that left the core or the CLI carries the canary...
    expect(seen.length).toBeGreaterThan(50);
    const leaks = seen.filter((text) => text.includes(CANARY));
    expect(leaks).toEqual([]);
    // ...and on disk it is only inside the encrypted store, as ciphertext.
    const files = everyFile(dataDir);
    expect(files.map((file) => file.slice(dataDir.length + 1))).toEqual(expect.arrayContaining(['saldo.sqlite', 'logs/saldo.log', PROVIDER_SETTINGS_FILE]));
    const onDisk = files.filter((file) => readFileSync(file).includes(CANARY) || readFileSync(file).includes(Buffer.from(CANARY, 'utf16le')));
    expect(onDisk).toEqual([]);
    expect(loadProviderSettings(dataDir, () => NodeSecretStore.open(dataDir)).relier?.apiKey).toBe(CANARY);
  }, 120_000);
});
