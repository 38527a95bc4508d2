/** Idle expiry in the core: the session ends after the shop's idle time, with or without a call. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../electron/core/auth/session';
import { createSaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes } from '../../electron/sandbox';
import type { User } from '../../shared/contract/auth';

const ANA: User = { id: 'u-1', name: 'Ana', role: 'cashier' };
const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('idle expiry', () => {
  it.each([
    { label: 'a call just before the limit keeps the session', idle: [14 * MINUTE, 14 * MINUTE], signedIn: true },
    { label: 'exactly the limit is not yet idle', idle: [15 * MINUTE], signedIn: true },
    { label: 'past the limit, the next look finds nobody', idle: [15 * MINUTE + 1], signedIn: false },
    { label: 'a call, then more than the limit', idle: [5 * MINUTE, 15 * MINUTE + 1], signedIn: false },
  ])('$label', ({ idle, signedIn }) => {
    let now = 0;
    const changes: Array<User | null> = [];
    const session = createSession((user) => changes.push(user), { limitMs: () => 15 * MINUTE, clock: { now: () => now }, timer: false });
    session.signIn(ANA);
    for (const gap of idle) {
      now += gap;
      session.touch();
    }
    expect(session.current()).toEqual(signedIn ? ANA : null);
    expect(changes).toEqual(signedIn ? [ANA] : [ANA, null]);
  });

  it('ends an idle session on its own and says so, without any call', () => {
    vi.useFakeTimers();
    const changes: Array<User | null> = [];
    const session = createSession((user) => changes.push(user), { limitMs: () => 15 * MINUTE, clock: { now: () => Date.now() } });
    session.signIn(ANA);
    vi.advanceTimersByTime(10 * MINUTE);
    session.touch();
    vi.advanceTimersByTime(14 * MINUTE);
    expect(changes).toEqual([ANA]);
    vi.advanceTimersByTime(2 * MINUTE);
    expect(changes).toEqual([ANA, null]);
    session.dispose();
  });

  it('the assembled core answers unauthenticated after the idle time set for the shop, and pushes session.changed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-idle-'));
    let now = 0;
    const core = await createSaldoCore({ dataDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, monotonic: { now: () => now }, demoProviders: () => startDemoSandboxes() });
    try {
      const pushed: unknown[] = [];
      core.events.subscribe((name, payload) => {
        if (name === 'session.changed') pushed.push(payload);
      });
      core.settings.update({ idleSignOutMinutes: 3 });
      const call = (channel: string) => core.dispatcher.invoke(channel, {}, { host: 'test' });
      expect((await core.dispatcher.invoke('auth.signIn', { pin: '1234' }, { host: 'test' })).ok).toBe(true);
      now += 2 * MINUTE;
      expect((await call('queue.status')).ok).toBe(true);
      now += 3 * MINUTE + 1;
      expect(await call('queue.status')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(pushed.at(-1)).toEqual({ user: null });
    } finally {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
