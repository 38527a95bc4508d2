/** A fresh data folder with the auth module on hand-driven clocks (wall and monotonic move separately). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { createAuthModule, type AuthModule } from '../../electron/core/auth';
import { createSession, type Session } from '../../electron/core/auth/session';
import { silentLogger } from '../../electron/core/kernel/logger';
import { AppError } from '../../shared/errors';
import type { User } from '../../shared/contract/auth';

export const FAST = { N: 1024, r: 8, p: 1 };
const cleanups: Array<() => void> = [];

export function cleanUp(): void {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
}

export interface AuthRig {
  db: Database;
  session: Session;
  auth: AuthModule;
  changes: Array<User | null>;
  /** Time passes: both clocks move. */
  advance(ms: number): void;
  /** Someone sets the PC's date: only the wall clock moves. */
  jumpWall(ms: number): void;
  /** The app restarts on the same data folder: a new process, so a new monotonic clock. */
  restart(): void;
  signIn(pin: string): Promise<{ user: User }>;
}

export function authRig(start = Date.parse('2025-03-01T10:00:00Z')): AuthRig {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-auth-'));
  const db = openDatabase({ file: join(dir, 'saldo.sqlite') });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => db.close());
  let wall = start;
  let mono = 1_000;
  const changes: Array<User | null> = [];
  const session = createSession((user) => changes.push(user));
  const build = () => createAuthModule({ db, session, logger: silentLogger, clock: () => new Date(wall), monotonic: { now: () => mono }, scryptOptions: FAST });
  const rig: AuthRig = {
    db,
    session,
    auth: build(),
    changes,
    advance: (ms) => {
      wall += ms;
      mono += ms;
    },
    jumpWall: (ms) => {
      wall += ms;
    },
    restart: () => {
      mono = 50;
      rig.auth = build();
    },
    signIn: (pin) => Promise.resolve(rig.auth.handlers['auth.signIn']({ pin }, { host: 'test' })),
  };
  return rig;
}

/** What a person sees of an attempt: the role signed in, or the error code. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    const value = (await promise) as { user?: User; ownerId?: string };
    return value.user?.role ?? (value.ownerId ? 'override' : 'ok');
  } catch (error) {
    return error instanceof AppError ? error.code : `thrown: ${String(error)}`;
  }
}
