/**
 * The contract boundary: every channel refuses malformed input with a typed error before any handler runs
 * (so nothing changes), unknown channels are refused, access rules hold, and a handler whose answer breaks
 * its schema is caught rather than passed to the renderer.
 */
import { describe, expect, it } from 'vitest';
import { channels, channelNames, type ChannelName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { createDispatcher, type HandlerMap } from '../../electron/core/ipc/dispatcher';
import { createSession } from '../../electron/core/auth/session';
import { silentLogger } from '../../electron/core/kernel/logger';

function spyHandlers() {
  const calls: ChannelName[] = [];
  const handlers = Object.fromEntries(
    channelNames.map((name) => [name, () => { calls.push(name); return {}; }]),
  ) as unknown as HandlerMap;
  return { calls, handlers };
}

function signedInDispatcher(handlers: Partial<HandlerMap>, validateOutputs = true) {
  const session = createSession();
  session.signIn({ id: 'u-owner', name: 'Dueña', role: 'owner' });
  return { session, dispatcher: createDispatcher({ handlers, session, logger: silentLogger, validateOutputs }) };
}

const MALFORMED_INPUTS: Array<[string, unknown]> = [
  ['a string', 'not an object'],
  ['a number', 42],
  ['an array', []],
  ['an unexpected field', { __unexpected: true }],
];

describe('every channel refuses malformed input and runs no handler', () => {
  for (const channel of channelNames) {
    for (const [label, input] of MALFORMED_INPUTS) {
      it(`${channel} with ${label}`, async () => {
        const { calls, handlers } = spyHandlers();
        const { dispatcher } = signedInDispatcher(handlers);
        const answer = await dispatcher.invoke(channel, input, { host: 'test' });
        expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect(calls).toEqual([]);
      });
    }
  }
});

describe('dispatcher', () => {
  it('refuses a channel the contract does not declare', async () => {
    const { calls, handlers } = spyHandlers();
    const { dispatcher } = signedInDispatcher(handlers);
    const answer = await dispatcher.invoke('fs.readFile', { path: '/etc/passwd' }, { host: 'test' });
    expect(answer).toEqual({ ok: false, error: { code: 'unknown_channel', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('names the offending field of an invalid input', async () => {
    const { dispatcher } = signedInDispatcher({});
    const answer = await dispatcher.invoke('app.ping', { echo: 7 }, { host: 'test' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.issues?.[0]).toMatch(/^echo: /);
  });

  it('asks for sign-in before a user channel runs', async () => {
    const { calls, handlers } = spyHandlers();
    const dispatcher = createDispatcher({ handlers, session: createSession(), logger: silentLogger, validateOutputs: true });
    const answer = await dispatcher.invoke('queue.status', {}, { host: 'test' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(calls).toEqual([]);
  });

  it('catches a handler answer that breaks its output schema', async () => {
    const { dispatcher } = signedInDispatcher({ 'app.ping': () => ({ echo: 'x' }) as never });
    const answer = await dispatcher.invoke('app.ping', { echo: 'x' }, { host: 'test' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_output' } });
  });

  it('passes the same answer through when output validation is off (production)', async () => {
    const { dispatcher } = signedInDispatcher({ 'app.ping': () => ({ echo: 'x', at: 'now-ish' }) }, false);
    expect(await dispatcher.invoke('app.ping', { echo: 'x' }, { host: 'test' })).toEqual({ ok: true, value: { echo: 'x', at: 'now-ish' } });
  });

  it('turns an expected AppError into its code and an unexpected crash into "internal" without a stack', async () => {
    const { dispatcher } = signedInDispatcher({
      'sales.get': () => { throw new AppError('not_found', 'No such sale'); },
      'sales.list': () => { throw new Error('SQLITE_CORRUPT at /secret/path'); },
    });
    expect(await dispatcher.invoke('sales.get', { id: 'x' }, { host: 'test' })).toEqual({ ok: false, error: { code: 'not_found', message: 'No such sale' } });
    const crashed = await dispatcher.invoke('sales.list', {}, { host: 'test' });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(crashed)).not.toContain('/secret/path');
  });

  it('declares every channel with an input and an output schema', () => {
    for (const name of channelNames) {
      expect(typeof channels[name].input.safeParse).toBe('function');
      expect(typeof channels[name].output.safeParse).toBe('function');
    }
  });
});
