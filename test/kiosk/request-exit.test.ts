/**
 * Leaving a kiosk, through the assembled core: an owner or a technician may close Saldo; a cashier only with
 * an owner's PIN typed on the spot (recorded as an override); nobody else. The host's exit runs only when the
 * dispatcher let the request through.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../electron/core/auth';
import type { ExitRequest } from '../../electron/core/kiosk/handlers';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';

const PINS = { cashier: '1234', owner: '4321', tech: '246810' } as const;

let core: SaldoCore<RunningSandbox>;
let dataDir: string;
let exits: ExitRequest[] = [];
const call = (channel: string, input: unknown) => core.dispatcher.invoke(channel, input, { host: 'test' });
const overrides = () => core.db.prepare("SELECT owner_id AS ownerId, requested_by AS requestedBy, action FROM owner_overrides WHERE action = 'app.requestExit'").all();

async function signIn(pin: string): Promise<void> {
  await call('auth.signOut', {});
  expect(await call('auth.signIn', { pin })).toMatchObject({ ok: true });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-exit-'));
  core = await createSaldoCore({
    dataDir,
    host: 'electron',
    version: '0.0.0-test',
    validateContract: true,
    startSync: false,
    pinHashCost: { N: 1024 },
    demoProviders: () => startDemoSandboxes(),
    onExitRequested: (request) => {
      exits.push(request);
      return true;
    },
  });
  await core.recovery;
  const { hash, salt } = await hashPin(PINS.tech, { N: 1024, r: 8, p: 1 });
  core.db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('u-tech', 'Tere', 'tech', ?, ?, '2025-01-01T00:00:00Z')").run(hash, salt);
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  exits = [];
});

describe('app.requestExit', () => {
  it.each(['owner', 'tech'] as const)('the %s closes Saldo without any other PIN', async (role) => {
    await signIn(PINS[role]);
    expect(await call('app.requestExit', {})).toEqual({ ok: true, value: { exiting: true } });
    expect(exits).toEqual([expect.objectContaining({ role, overridingOwnerId: null })]);
  });

  it('asked to restart (new provider keys), the host is told to start Saldo again; a plain exit is not a restart', async () => {
    await signIn(PINS.owner);
    expect(await call('app.requestExit', { restart: true })).toEqual({ ok: true, value: { exiting: true } });
    expect(await call('app.requestExit', {})).toEqual({ ok: true, value: { exiting: true } });
    expect(exits.map((exit) => exit.restart)).toEqual([true, false]);
    expect(await call('app.requestExit', { restart: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(exits).toHaveLength(2);
  });

  it('a cashier alone is refused and the app stays open', async () => {
    await signIn(PINS.cashier);
    expect(await call('app.requestExit', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(exits).toEqual([]);
  });

  it("a cashier with a wrong owner PIN (the cashier's own) is refused", async () => {
    await signIn(PINS.cashier);
    expect(await call('app.requestExit', { ownerPin: PINS.cashier })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(exits).toEqual([]);
  });

  it("a cashier with the owner's PIN closes Saldo, and the override is recorded", async () => {
    await signIn(PINS.cashier);
    const before = overrides().length;
    expect(await call('app.requestExit', { ownerPin: PINS.owner })).toEqual({ ok: true, value: { exiting: true } });
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ role: 'cashier', overridingOwnerId: expect.any(String) });
    expect(overrides()).toHaveLength(before + 1);
  });

  it('signed out, nobody can ask', async () => {
    await call('auth.signOut', {});
    expect(await call('app.requestExit', { ownerPin: PINS.owner })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(exits).toEqual([]);
  });
});
