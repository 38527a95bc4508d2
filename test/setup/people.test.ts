/**
 * People, as the owner's people screen and a cashier's "change my PIN" use them, through the assembled core:
 * adding, disabling (history kept), resetting and changing PINs; the PIN rules; the journal; who may do it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/contract/people';
import { call, cleanUpCores, freshDir, outcome, signIn, startCore, value, type Core } from './helpers';

let core: Core;
let ownerId: string;
beforeAll(async () => {
  core = await startCore(freshDir('people'));
  ownerId = (await signIn(core, '4321')).id;
}, 30_000);
afterAll(cleanUpCores);

const add = async (name: string, pin: string, role = 'cashier') => (await value<{ user: Person }>(core, 'users.add', { name, role, pin })).user;
const rows = () => core.db.prepare('SELECT * FROM users ORDER BY rowid').all();

describe('the owner manages people', () => {
  it('adds a cashier who can then sign in; the list never carries a PIN or a hash', async () => {
    await signIn(core, '4321');
    const beto = await add('Beto', '908172');
    expect(beto).toMatchObject({ name: 'Beto', role: 'cashier', active: true, demo: false, disabledAt: null });
    const listed = await value<{ users: Person[] }>(core, 'users.list');
    expect(listed.users.map((user) => user.name)).toContain('Beto');
    const text = JSON.stringify(listed);
    expect(text).not.toMatch(/908172|scrypt|pin/i);
    expect((await signIn(core, '908172')).name).toBe('Beto');
  });

  it("refuses a PIN someone else has (pin_taken), in demo mode too, and writes nothing", async () => {
    await signIn(core, '4321');
    const before = rows();
    expect(await outcome(core, 'users.add', { name: 'Otro', role: 'cashier', pin: '908172' })).toBe('pin_taken');
    expect(await outcome(core, 'users.add', { name: 'Otro', role: 'cashier', pin: '1234' })).toBe('pin_taken');
    expect(rows()).toEqual(before);
  });

  it('disables a cashier: they cannot sign in, their name stays on the list', async () => {
    await signIn(core, '4321');
    const carla = await add('Carla', '552299');
    const disabled = await value<{ user: Person }>(core, 'users.disable', { id: carla.id });
    expect(disabled.user).toMatchObject({ active: false, disabledAt: expect.any(String) });
    expect(await outcome(core, 'auth.signIn', { pin: '552299' })).toBe('unauthenticated');
    await signIn(core, '4321');
    expect((await value<{ users: Person[] }>(core, 'users.list')).users.find((user) => user.id === carla.id)).toMatchObject({ name: 'Carla', active: false });
  });

  it('never disables the last active owner', async () => {
    await signIn(core, '4321');
    expect(await outcome(core, 'users.disable', { id: ownerId })).toBe('last_owner');
    const second = await add('Dora', '660044', 'owner');
    expect(await outcome(core, 'users.disable', { id: second.id })).toBe('ok');
    expect(await outcome(core, 'users.disable', { id: ownerId })).toBe('last_owner');
  });

  it("resets a cashier's PIN: the old one stops working, the new one signs them in", async () => {
    await signIn(core, '4321');
    const eva = await add('Eva', '771133');
    await value(core, 'users.resetPin', { id: eva.id, pin: '771144' });
    expect(await outcome(core, 'auth.signIn', { pin: '771133' })).toBe('unauthenticated');
    expect((await signIn(core, '771144')).name).toBe('Eva');
    await signIn(core, '4321');
    expect(await outcome(core, 'users.resetPin', { id: 'nobody', pin: '771155' })).toBe('not_found');
  });

  it('journals each change with who did it and never a PIN', async () => {
    await signIn(core, '4321');
    const before = core.journal.head().seq;
    const fede = await add('Fede', '830291');
    await value(core, 'users.resetPin', { id: fede.id, pin: '830292' });
    await value(core, 'users.disable', { id: fede.id });
    const entries = core.journal.entries({ afterSeq: before });
    expect(entries.map((entry) => [entry.kind, entry.actorId, entry.subject])).toEqual([
      ['user.added', ownerId, fede.id],
      ['user.pin_reset', ownerId, fede.id],
      ['user.disabled', ownerId, fede.id],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/83029[12]/);
    expect(core.journal.verify().ok).toBe(true);
  });
});

describe('anyone changes their own PIN by typing the old one', () => {
  it('a wrong old PIN changes nothing; the right one does', async () => {
    await signIn(core, '4321');
    await add('Gabi', '402918');
    await signIn(core, '402918');
    const before = rows();
    expect(await outcome(core, 'users.changeOwnPin', { oldPin: '402917', newPin: '402919' })).toBe('wrong_pin');
    expect(rows()).toEqual(before);
    expect(await outcome(core, 'users.changeOwnPin', { oldPin: '402918', newPin: '908172' })).toBe('pin_taken');
    expect(await outcome(core, 'users.changeOwnPin', { oldPin: '402918', newPin: '402919' })).toBe('ok');
    expect((await signIn(core, '402919')).name).toBe('Gabi');
    expect(await outcome(core, 'auth.signIn', { pin: '402918' })).toBe('unauthenticated');
  });
});

describe('who may manage people (enforced in the core)', () => {
  it('a cashier is refused every owner channel, and nothing changes', async () => {
    await signIn(core, '1234');
    const before = rows();
    for (const [channel, input] of [
      ['users.list', {}],
      ['users.add', { name: 'Hugo', role: 'owner', pin: '918273' }],
      ['users.disable', { id: ownerId }],
      ['users.resetPin', { id: ownerId, pin: '918273' }],
    ] as const) {
      expect(await call(core, channel, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(rows()).toEqual(before);
  });
});

describe('live-mode PIN rules', () => {
  it('a shop that left demo mode refuses weak PINs with a sentence why', async () => {
    const demo = await startCore(freshDir('people-live'));
    await signIn(demo, '4321');
    expect(await outcome(demo, 'users.add', { name: 'Iris', role: 'cashier', pin: '1111' })).toBe('ok');
    await value(demo, 'setup.leaveDemo');
    const answer = await call(demo, 'users.add', { name: 'Iris', role: 'cashier', pin: '2222' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'weak_pin', message: expect.stringMatching(/easy to guess/) } });
    for (const pin of ['0000', '123456', '9876']) expect(await outcome(demo, 'users.add', { name: 'Iris', role: 'cashier', pin })).toBe('weak_pin');
  });
});
