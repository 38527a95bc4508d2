import { afterEach, describe, expect, it } from 'vitest';
import { hashPin, LOCK_MS, MAX_FAILURES, OWNER_TRIES_WHILE_LOCKED, pinMatches } from '../../electron/core/auth';
import { AppError } from '../../shared/errors';
import { authRig, cleanUp, FAST, outcome } from './helpers';

afterEach(cleanUp);

describe('PIN hashing', () => {
  it('stores a salted scrypt hash, never the PIN, and two hashes of one PIN differ', async () => {
    const a = await hashPin('1234', FAST);
    const b = await hashPin('1234', FAST);
    expect(a.hash).not.toContain('1234');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await pinMatches('1234', a.hash, a.salt)).toBe(true);
    expect(await pinMatches('1235', a.hash, a.salt)).toBe(false);
    expect(await pinMatches('1234', 'plain', a.salt)).toBe(false);
  });

  it('refuses PINs that are not 4 to 6 digits', async () => {
    await expect(hashPin('123', FAST)).rejects.toThrow(AppError);
    await expect(hashPin('1234567', FAST)).rejects.toThrow(AppError);
    await expect(hashPin('12a4', FAST)).rejects.toThrow(AppError);
  });
});

describe('PINs are unique per shop', () => {
  it.each([
    { label: 'the same PIN as the demo owner', pin: '4321', result: 'pin_taken' },
    { label: 'the same PIN as a user added later', pin: '908070', result: 'pin_taken' },
    { label: 'three digits', pin: '123', result: 'invalid_input' },
    { label: 'seven digits', pin: '1234567', result: 'invalid_input' },
    { label: 'a PIN nobody has (4 digits)', pin: '5555', result: 'ok' },
    { label: 'a PIN nobody has (6 digits)', pin: '555566', result: 'ok' },
  ])('a new user with $label: $result', async ({ pin, result }) => {
    const { auth, db } = authRig();
    await auth.prepareForMode('demo');
    await auth.createUser({ name: 'Ana', role: 'owner', pin: '908070' });
    const before = db.prepare('SELECT COUNT(*) AS n FROM users').get();
    expect(await outcome(auth.createUser({ name: 'Beto', role: 'cashier', pin }))).toBe(result);
    if (result !== 'ok') expect(db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual(before);
  });

  it('a cashier given a PIN signs in as the cashier, never as anyone else', async () => {
    const { auth, signIn } = authRig();
    await auth.createUser({ name: 'Ana', role: 'owner', pin: '908070' });
    await auth.createUser({ name: 'Beto', role: 'cashier', pin: '112233' });
    expect((await signIn('112233')).user).toMatchObject({ name: 'Beto', role: 'cashier' });
  });
});

describe('demo users and live mode', () => {
  it('demo mode seeds a demo cashier (1234) and owner (4321) only into an empty folder', async () => {
    const { auth, db, signIn } = authRig();
    expect(await auth.prepareForMode('demo')).toEqual({ seeded: 2, disabled: 0 });
    expect(await auth.prepareForMode('demo')).toEqual({ seeded: 0, disabled: 0 });
    const rows = db.prepare('SELECT role, pin_hash FROM users ORDER BY role').all() as Array<{ role: string; pin_hash: string }>;
    expect(rows.map((row) => row.role)).toEqual(['cashier', 'owner']);
    for (const row of rows) expect(row.pin_hash).not.toMatch(/1234|4321/);
    expect((await signIn('1234')).user.role).toBe('cashier');
    expect((await signIn('4321')).user.role).toBe('owner');
  });

  it('live mode on a fresh folder creates nobody, and refuses to sell until an owner exists', async () => {
    const { auth, db, signIn } = authRig();
    expect(await auth.prepareForMode('live')).toEqual({ seeded: 0, disabled: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 0 });
    expect(await outcome(signIn('1234'))).toBe('unauthenticated');
    expect(() => auth.requireOwner()).toThrow(/owner/);
    expect(await outcome(auth.createUser({ name: 'Ana', role: 'owner', pin: '4321' }))).toBe('weak_pin');
    await auth.createUser({ name: 'Ana', role: 'owner', pin: '908070' });
    expect(() => auth.requireOwner()).not.toThrow();
  });

  it('a folder switched from demo to live disables the demo users (and anyone on a demo PIN), keeping their names', async () => {
    const rig = authRig();
    await rig.auth.prepareForMode('demo');
    const cashier = (await rig.signIn('1234')).user;
    rig.restart();
    expect(await rig.auth.prepareForMode('live')).toEqual({ seeded: 0, disabled: 2 });
    expect(await outcome(rig.signIn('1234'))).toBe('unauthenticated');
    expect(await outcome(rig.signIn('4321'))).toBe('unauthenticated');
    expect(rig.auth.userName(cashier.id)).toBe('Cajero demo');
    expect(() => rig.auth.requireOwner()).toThrow(/owner/);
  });
});

describe('signing in and out', () => {
  it('signs the PIN owner in, pushes the session change, and signs out', async () => {
    const { auth, session, changes, signIn } = authRig();
    await auth.prepareForMode('demo');
    const { user } = await signIn('1234');
    expect(user).toMatchObject({ name: 'Cajero demo', role: 'cashier' });
    expect(session.current()).toEqual(user);
    expect(await auth.handlers['auth.current']({}, { host: 'test' })).toEqual({ user });
    expect(await auth.handlers['auth.signOut']({}, { host: 'test' })).toEqual({ user: null });
    expect(session.current()).toBeNull();
    expect(changes).toEqual([user, null]);
  });

  it('signed out, signing out does nothing: no event, the same answer', async () => {
    const { auth, changes } = authRig();
    expect(await auth.handlers['auth.signOut']({}, { host: 'test' })).toEqual({ user: null });
    expect(changes).toEqual([]);
  });

  it('a technician signs in as a technician', async () => {
    const { auth, signIn } = authRig();
    await auth.createUser({ name: 'Tere', role: 'tech', pin: '246810' });
    expect((await signIn('246810')).user.role).toBe('tech');
  });
});

describe('the owner override', () => {
  it("an owner's PIN lets the cashier do it, recorded with who, what, for whom and when", async () => {
    const { auth, db } = authRig();
    await auth.prepareForMode('demo');
    const owner = (await auth.createUser({ name: 'Ana', role: 'owner', pin: '908070' })).id;
    expect(await auth.verifyOwnerPin('908070', 'sales.markRefunded', 'cashier-7')).toEqual({ ownerId: owner });
    expect(db.prepare('SELECT owner_id, requested_by, action, at FROM owner_overrides').all()).toEqual([
      { owner_id: owner, requested_by: 'cashier-7', action: 'sales.markRefunded', at: '2025-03-01T10:00:00.000Z' },
    ]);
  });

  it.each([
    { label: "the cashier's own PIN", pin: '1234' },
    { label: 'nobody’s PIN', pin: '0000' },
    { label: 'not a PIN at all', pin: 'abc' },
  ])('$label is forbidden and records nothing', async ({ pin }) => {
    const { auth, db } = authRig();
    await auth.prepareForMode('demo');
    expect(await outcome(auth.verifyOwnerPin(pin, 'sales.markRefunded', 'cashier-7'))).toBe('forbidden');
    expect(db.prepare('SELECT COUNT(*) AS n FROM owner_overrides').get()).toEqual({ n: 0 });
  });
});

type Step =
  | { signIn: string; sees: string }
  | { override: string; sees: string }
  | { advance: number }
  | { jumpWall: number }
  | { restart: true };

const wrong = (times: number, sees = 'unauthenticated'): Step[] => Array.from({ length: times }, () => ({ signIn: '0000', sees }));

// Written by hand from what the counter should do: 1234 is the demo cashier, 4321 the demo owner.
const LOCKOUT_CASES: Array<{ name: string; steps: Step[] }> = [
  { name: `${MAX_FAILURES} wrong PINs lock the keypad, even for the right cashier PIN`, steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { signIn: '1234', sees: 'forbidden' }] },
  { name: 'the lock ends after LOCK_MS', steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { advance: LOCK_MS - 1 }, { signIn: '1234', sees: 'forbidden' }, { advance: 1 }, { signIn: '1234', sees: 'cashier' }] },
  {
    name: 'the count starts again when a lock expires (one wrong PIN does not lock again)',
    steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { advance: LOCK_MS }, ...wrong(MAX_FAILURES - 1), { signIn: '1234', sees: 'cashier' }],
  },
  { name: 'a good sign-in clears the count', steps: [...wrong(MAX_FAILURES - 1), { signIn: '1234', sees: 'cashier' }, ...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }] },
  { name: "an owner's PIN lifts the lock and clears the count", steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { signIn: '4321', sees: 'owner' }, ...wrong(MAX_FAILURES - 1), { signIn: '1234', sees: 'cashier' }] },
  {
    name: `while locked only ${OWNER_TRIES_WHILE_LOCKED} tries are checked, then even the owner waits for the lock`,
    steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, ...wrong(OWNER_TRIES_WHILE_LOCKED, 'forbidden'), { signIn: '4321', sees: 'forbidden' }, { advance: LOCK_MS }, { signIn: '4321', sees: 'owner' }],
  },
  { name: 'wrong PINs while locked do not extend the lock', steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { advance: LOCK_MS - 10 }, ...wrong(3, 'forbidden'), { advance: 10 }, { signIn: '1234', sees: 'cashier' }] },
  { name: 'a wrong owner PIN for an override counts toward the lock', steps: [...wrong(MAX_FAILURES - 1), { override: '1234', sees: 'forbidden' }, { signIn: '1234', sees: 'forbidden' }] },
  { name: 'a good override clears the count', steps: [...wrong(MAX_FAILURES - 1), { override: '4321', sees: 'override' }, ...wrong(MAX_FAILURES - 1), { signIn: '1234', sees: 'cashier' }] },
  { name: 'setting the wall clock back does not extend the lock', steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { jumpWall: -86_400_000 }, { advance: LOCK_MS }, { signIn: '1234', sees: 'cashier' }] },
  { name: 'setting the wall clock forward does not lift the lock', steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { jumpWall: 86_400_000 }, { signIn: '1234', sees: 'forbidden' }] },
  { name: 'the lock survives a restart', steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { advance: 60_000 }, { restart: true }, { signIn: '1234', sees: 'forbidden' }, { advance: LOCK_MS - 60_000 }, { signIn: '1234', sees: 'cashier' }] },
  { name: 'the count survives a restart', steps: [...wrong(MAX_FAILURES - 1), { restart: true }, { signIn: '0000', sees: 'forbidden' }] },
  {
    name: 'after a restart with the wall clock set back a day, the stored lock lasts no longer than LOCK_MS',
    steps: [...wrong(MAX_FAILURES - 1), { signIn: '0000', sees: 'forbidden' }, { jumpWall: -86_400_000 }, { restart: true }, { signIn: '1234', sees: 'forbidden' }, { advance: LOCK_MS }, { signIn: '1234', sees: 'cashier' }],
  },
];

describe('the keypad lock', () => {
  it.each(LOCKOUT_CASES)('$name', async ({ steps }) => {
    const rig = authRig();
    await rig.auth.prepareForMode('demo');
    for (const [index, step] of steps.entries()) {
      if ('advance' in step) rig.advance(step.advance);
      else if ('jumpWall' in step) rig.jumpWall(step.jumpWall);
      else if ('restart' in step) rig.restart();
      else {
        const attempt = 'signIn' in step ? rig.signIn(step.signIn) : rig.auth.verifyOwnerPin(step.override, 'sales.markRefunded', 'cashier-1');
        expect(await outcome(attempt), `step ${index}: ${JSON.stringify(step)}`).toBe(step.sees);
        if ('signIn' in step && step.sees !== 'forbidden' && step.sees !== 'unauthenticated') await rig.auth.handlers['auth.signOut']({}, { host: 'test' });
      }
    }
  });

  it('tells the sign-in screen how many tries are left, then until when it is locked', async () => {
    const rig = authRig();
    await rig.auth.prepareForMode('demo');
    const issues = async () => rig.signIn('0000').then(() => [], (error: AppError) => error.issues);
    expect(await issues()).toEqual([`attemptsLeft: ${MAX_FAILURES - 1}`]);
    for (let attempt = 2; attempt < MAX_FAILURES; attempt++) await issues();
    expect(await issues()).toEqual([`lockedUntil: ${new Date(Date.parse('2025-03-01T10:00:00Z') + LOCK_MS).toISOString()}`]);
  });

  it('taps in flight at once are counted one by one', async () => {
    const { auth, signIn } = authRig();
    await auth.prepareForMode('demo');
    const codes = await Promise.all(Array.from({ length: MAX_FAILURES + 2 }, () => outcome(signIn('0000'))));
    expect(codes.filter((code) => code === 'unauthenticated')).toHaveLength(MAX_FAILURES - 1);
    expect(codes.filter((code) => code === 'forbidden')).toHaveLength(3);
  });
});
