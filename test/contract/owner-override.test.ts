/**
 * The dispatcher's owner override: on a channel with `ownerOverride: true`, a cashier passes only with an
 * owner's PIN in the input; the handler then learns the owner's id (never the PIN). Owners pass without one.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher, type HandlerMap, type InvocationContext } from '../../electron/core/ipc/dispatcher';
import { createSession } from '../../electron/core/auth/session';
import { silentLogger } from '../../electron/core/kernel/logger';
import { AppError } from '../../shared/errors';
import type { User } from '../../shared/contract/auth';

const SALE = {
  id: 's-1', requestId: '00000000-0000-4000-8000-000000000000', state: 'refunded', provider: 'relier', country: 'MX', carrier: 'Telcel', phone: '5512345678',
  price: { minor: 5000, currency: 'MXN' }, cashierId: 'u-cashier', createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T10:00:00.000Z', attempts: 1,
};

function rig(user: User, handlerRefuses = false) {
  const received: Array<{ input: unknown; context: InvocationContext }> = [];
  const checked: Array<[string, string, string]> = [];
  const recorded: Array<[string, string, string]> = [];
  const session = createSession();
  session.signIn(user);
  const handlers: Partial<HandlerMap> = {
    'sales.markRefunded': (input, context) => {
      received.push({ input, context });
      if (handlerRefuses) throw new AppError('conflict', 'This sale is not owed back');
      return SALE as never;
    },
  };
  const dispatcher = createDispatcher({
    handlers,
    session,
    logger: silentLogger,
    validateOutputs: false,
    verifyOwnerPin: async (pin, action, requestedBy) => {
      checked.push([pin, action, requestedBy]);
      if (pin !== '908070') throw new AppError('forbidden', 'That is not an owner’s PIN');
      return { ownerId: 'u-owner' };
    },
    recordOwnerOverride: (ownerId, action, requestedBy) => recorded.push([ownerId, action, requestedBy]),
  });
  return { received, checked, recorded, call: (input: unknown) => dispatcher.invoke('sales.markRefunded', input, { host: 'test' }) };
}

const CASHIER: User = { id: 'u-cashier', name: 'Beto', role: 'cashier' };
const OWNER: User = { id: 'u-owner', name: 'Ana', role: 'owner' };

describe('owner override', () => {
  it("a cashier with an owner's PIN passes; the handler gets the owner's id and not the PIN", async () => {
    const { received, checked, call } = rig(CASHIER);
    expect(await call({ id: 's-1', ownerPin: '908070' })).toMatchObject({ ok: true });
    expect(checked).toEqual([['908070', 'sales.markRefunded', 'u-cashier']]);
    expect(received).toEqual([{ input: { id: 's-1' }, context: { host: 'test', ownerOverride: { ownerId: 'u-owner' } } }]);
  });

  it('the override is recorded only when the call succeeds: one the handler refuses leaves no record', async () => {
    const accepted = rig(CASHIER);
    await accepted.call({ id: 's-1', ownerPin: '908070' });
    expect(accepted.recorded).toEqual([['u-owner', 'sales.markRefunded', 'u-cashier']]);
    const refused = rig(CASHIER, true);
    expect(await refused.call({ id: 's-1', ownerPin: '908070' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.received).toHaveLength(1);
    expect(refused.recorded).toEqual([]);
  });

  it.each([
    { label: 'no PIN', input: { id: 's-1' }, checks: 0 },
    { label: 'a wrong PIN', input: { id: 's-1', ownerPin: '1234' }, checks: 1 },
  ])('a cashier with $label is forbidden and nothing runs', async ({ input, checks }) => {
    const { received, checked, call } = rig(CASHIER);
    expect(await call(input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checked).toHaveLength(checks);
    expect(received).toEqual([]);
  });

  it('an owner passes without a PIN and no override is recorded', async () => {
    const { received, checked, call } = rig(OWNER);
    expect(await call({ id: 's-1' })).toMatchObject({ ok: true });
    expect(checked).toEqual([]);
    expect(received[0]?.context.ownerOverride).toBeUndefined();
  });

  it("a technician is not an owner: forbidden without an owner's PIN, passes with one", async () => {
    const { call } = rig({ id: 'u-tech', name: 'Tere', role: 'tech' });
    expect(await call({ id: 's-1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ id: 's-1', ownerPin: '908070' })).toMatchObject({ ok: true });
  });
});
