/** A core over a fresh data folder for the set-up tests, and a few ways to call it as someone. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../../shared/contract/auth';
import { createSaldoCore, type SaldoCore, type SaldoCoreOptions } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';

const cleanups: Array<() => Promise<void> | void> = [];

export async function cleanUpCores(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export function freshDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `saldo-setup-${label}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type Core = SaldoCore<RunningSandbox>;

/** A core on `dataDir`; env {} is demo mode, provider variables make it live. Closed by cleanUpCores. */
export async function startCore(dataDir: string, env: Record<string, string> = {}, extra: Partial<SaldoCoreOptions<RunningSandbox>> = {}): Promise<Core> {
  const core = await createSaldoCore<RunningSandbox>({
    dataDir,
    host: 'cli',
    version: '0.0.0-test',
    validateContract: true,
    startSync: false,
    pinHashCost: { N: 1024 },
    env,
    demoProviders: () => startDemoSandboxes(),
    ...extra,
  });
  await core.recovery;
  let closed = false;
  const close = core.close.bind(core);
  core.close = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  cleanups.push(() => core.close());
  return core;
}

export const call = (core: Core, channel: string, input: unknown = {}) => core.dispatcher.invoke(channel, input, { host: 'test' });

/** The answer's error code, or 'ok'. */
export async function outcome(core: Core, channel: string, input: unknown = {}): Promise<string> {
  const answer = await call(core, channel, input);
  return answer.ok ? 'ok' : answer.error.code;
}

export async function value<T = Record<string, unknown>>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const answer = await call(core, channel, input);
  if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

export async function signIn(core: Core, pin: string): Promise<User> {
  await call(core, 'auth.signOut');
  return (await value<{ user: User }>(core, 'auth.signIn', { pin })).user;
}
