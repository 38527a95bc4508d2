import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { createAuthModule, hashPin, LOCK_MS, MAX_FAILURES, pinMatches } from '../../electron/core/auth/module';
import { createSession } from '../../electron/core/auth/session';
import { silentLogger } from '../../electron/core/kernel/logger';
import { AppError } from '../../shared/errors';
import type { User } from '../../shared/contract/auth';

const FAST = { N: 1024, r: 8, p: 1 };
const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(start = Date.parse('2025-03-01T10:00:00Z')) {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-auth-'));
  dirs.push(dir);
  const db = openDatabase({ file: join(dir, 'saldo.sqlite') });
  dbs.push(db);
  let now = start;
  const changes: Array<User | null> = [];
  const session = createSession((user) => changes.push(user));
  const auth = createAuthModule({ db, session, logger: silentLogger, clock: () => new Date(now), scryptOptions: FAST });
  const context = { host: 'test' as const };
  return {
    db,
    session,
    auth,
    changes,
    advance: (ms: number) => (now += ms),
    signIn: async (pin: string) => auth.handlers['auth.signIn']({ pin }, context),
    context,
  };
}

async function codeOf(promise: unknown): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : `thrown: ${String(error)}`;
  }
}

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

describe('demo users', () => {
  it('seeds a demo cashier (1234) and a demo owner (4321) only when there are no users', async () => {
    const { auth, db, signIn } = setup();
    expect(await auth.seedDemoUsers()).toBe(2);
    expect(await auth.seedDemoUsers()).toBe(0);
    const rows = db.prepare('SELECT role, pin_hash, pin_salt FROM users ORDER BY role').all() as Array<{ role: string; pin_hash: string; pin_salt: string }>;
    expect(rows.map((row) => row.role)).toEqual(['cashier', 'owner']);
    for (const row of rows) expect(row.pin_hash).not.toMatch(/^(1234|4321)$/);
    expect((await signIn('1234')).user.role).toBe('cashier');
    expect((await signIn('4321')).user.role).toBe('owner');
  });

  it('does not seed when a user exists', async () => {
    const { auth } = setup();
    await auth.createUser({ name: 'Ana', role: 'owner', pin: '908070' });
    expect(await auth.seedDemoUsers()).toBe(0);
  });
});

describe('signing in and out', () => {
  it('signs the PIN owner in, pushes the session change, and signs out', async () => {
    const { auth, session, changes, signIn, context } = setup();
    await auth.seedDemoUsers();
    const { user } = await signIn('1234');
    expect(user).toMatchObject({ name: 'Cajero demo', role: 'cashier' });
    expect(session.current()).toEqual(user);
    expect(await auth.handlers['auth.current']({}, context)).toEqual({ user });
    expect(await auth.handlers['auth.signOut']({}, context)).toEqual({ user: null });
    expect(session.current()).toBeNull();
    expect(changes).toEqual([user, null]);
    expect(auth.userName(user.id)).toBe('Cajero demo');
  });

  it('a wrong PIN is refused and signs nobody in', async () => {
    const { auth, session, signIn } = setup();
    await auth.seedDemoUsers();
    expect(await codeOf(signIn('9999'))).toBe('unauthenticated');
    expect(session.current()).toBeNull();
  });

  it(`locks the keypad after ${MAX_FAILURES} wrong PINs in a row, even for the right PIN, until the lock passes`, async () => {
    const { auth, session, signIn, advance } = setup();
    await auth.seedDemoUsers();
    for (let attempt = 1; attempt < MAX_FAILURES; attempt++) expect(await codeOf(signIn('0000'))).toBe('unauthenticated');
    expect(await codeOf(signIn('0000'))).toBe('forbidden');
    expect(await codeOf(signIn('1234'))).toBe('forbidden');
    expect(session.current()).toBeNull();
    advance(LOCK_MS - 1000);
    expect(await codeOf(signIn('1234'))).toBe('forbidden');
    advance(2000);
    expect((await signIn('1234')).user.role).toBe('cashier');
  });

  it('a successful sign-in clears the failure count', async () => {
    const { auth, signIn } = setup();
    await auth.seedDemoUsers();
    for (let attempt = 1; attempt < MAX_FAILURES; attempt++) await codeOf(signIn('0000'));
    await signIn('1234');
    for (let attempt = 1; attempt < MAX_FAILURES; attempt++) expect(await codeOf(signIn('0000'))).toBe('unauthenticated');
  });

  it('the lock survives a restart (it is kept in the database)', async () => {
    const first = setup();
    await first.auth.seedDemoUsers();
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) await codeOf(first.signIn('0000'));
    const again = createAuthModule({ db: first.db, session: createSession(), logger: silentLogger, clock: () => new Date(Date.parse('2025-03-01T10:01:00Z')), scryptOptions: FAST });
    expect(await codeOf(again.handlers['auth.signIn']({ pin: '1234' }, first.context))).toBe('forbidden');
  });

  it('taps in flight at once are counted one by one', async () => {
    const { auth, signIn } = setup();
    await auth.seedDemoUsers();
    const codes = await Promise.all(Array.from({ length: MAX_FAILURES + 2 }, () => codeOf(signIn('0000'))));
    expect(codes.filter((code) => code === 'unauthenticated')).toHaveLength(MAX_FAILURES - 1);
    expect(codes.filter((code) => code === 'forbidden')).toHaveLength(3);
  });
});
