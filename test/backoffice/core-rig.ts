/**
 * The assembled core over a fresh data folder, the demo sandboxes and a wall clock the test moves, with the
 * people of a shop: a cashier (PIN 1234), an owner (PIN 4321). Calls go through the one dispatcher, as the
 * screens' and the command line's do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';
import type { Envelope } from '../../shared/contract';

export const PINS = { cashier: '1234', owner: '4321' } as const;
export const mxn = (major: number) => ({ minor: Math.round(major * 100), currency: 'MXN' });

export interface CoreRig {
  core: SaldoCore<RunningSandbox>;
  dir: string;
  call(channel: string, input?: unknown): Promise<Envelope<unknown>>;
  /** The value of a call that must succeed (fails the test with the error otherwise). */
  must<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T>;
  become(who: 'cashier' | 'owner' | 'nobody'): Promise<void>;
  sell(phone: string, major: number): Promise<Record<string, unknown>>;
  advance(ms: number): void;
  /** The app restarts on the same data folder. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(options: { startMs?: number; dir?: string } = {}): Promise<CoreRig> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'saldo-backoffice-'));
  let wall = options.startMs ?? Date.now();
  const open = () =>
    createSaldoCore<RunningSandbox>({
      dataDir: dir,
      host: 'cli',
      version: '0.0.0-test',
      validateContract: true,
      startSync: false,
      pinHashCost: { N: 1024 },
      clock: () => new Date(wall),
      sales: { clock: { now: () => wall }, online: { waitMs: 200, pollMs: 20 } },
      demoProviders: () => startDemoSandboxes(),
    });
  let core = await open();
  await core.recovery;
  const rig: CoreRig = {
    get core() {
      return core;
    },
    dir,
    call: (channel, input = {}) => core.dispatcher.invoke(channel, input, { host: 'test' }),
    async must<T>(channel: string, input: unknown = {}) {
      const answer = await rig.call(channel, input);
      if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    },
    async become(who) {
      await rig.call('auth.signOut', {});
      if (who !== 'nobody') await rig.must('auth.signIn', { pin: PINS[who] });
    },
    sell: (phone, major) =>
      rig.must('sales.sell', { requestId: randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: mxn(major), repeatConfirmed: true }),
    advance(ms) {
      wall += ms;
    },
    async restart() {
      await core.close();
      core = await open();
      await core.recovery;
    },
    async close() {
      await core.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}
