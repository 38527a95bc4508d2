/**
 * The people who work the counter (channels users.*): the owner adds, disables and resets PINs; anyone changes
 * their own PIN by typing the old one. Every change is one journal entry written in the same transaction as the
 * change (who did it, to whom, what; never a PIN or a hash). Hashing is slow and asynchronous, so it happens before
 * the transaction; the PIN checks run inside the auth module's one queue, so two changes cannot race each other.
 */
import type { ScryptOptions } from 'node:crypto';
import type { Person } from '../../../shared/contract/people';
import type { User } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../ipc/dispatcher';
import type { Journal } from '../journal/journal';
import { newId } from '../kernel/ids';
import type { Logger } from '../kernel/logger';
import { pinProblem, pinTakenError } from './pin-rules';
import { hashPin, pinMatches, usersWithPin } from './pins';
import type { Session } from './session';
import type { PersonRow, UsersRepository } from './users-repository';

export type PeopleHandlers = Pick<HandlerMap, 'users.list' | 'users.add' | 'users.disable' | 'users.resetPin' | 'users.changeOwnPin'>;

export interface PeopleDeps {
  users: UsersRepository;
  journal: Journal;
  session: Session;
  logger: Logger;
  clock: () => Date;
  scryptOptions: ScryptOptions;
  /** Weak PINs refused (live mode, or a shop that left demo mode). */
  strictPins(): boolean;
  /** The auth module's queue for PIN work. */
  serially<T>(work: () => Promise<T>): Promise<T>;
}

export interface People {
  handlers: PeopleHandlers;
  /**
   * Adds a user after the PIN rules; journaled as `user.added` by `actorId` (null: the set-up, before any owner).
   * `precondition` runs in the same queue just before, so two set-ups at once cannot both create "the first owner".
   */
  add(input: { name: string; role: User['role']; pin: string }, actorId: string | null, precondition?: () => void): Promise<Person>;
}

export const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  role: row.role,
  active: row.disabled_at === null,
  demo: row.demo === 1,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

export function createPeople(deps: PeopleDeps): People {
  const { users, journal, session, logger, clock } = deps;

  const actor = (): string => {
    const user = session.current();
    if (!user) throw new AppError('unauthenticated', 'Sign in first');
    return user.id;
  };

  function mustFind(id: string): PersonRow {
    const row = users.person(id);
    if (!row) throw new AppError('not_found', 'No such user', ['id: no such user']);
    return row;
  }

  /** A new PIN for `forId` (null: a new user): valid, not weak in live mode, nobody else's. Answers its hash. */
  async function checkedHash(pin: string, forId: string | null): Promise<{ hash: string; salt: string }> {
    const problem = pinProblem(pin, deps.strictPins());
    if (problem) throw problem;
    const others = users.active().filter((row) => row.id !== forId);
    if ((await usersWithPin(pin, others)).length > 0) throw pinTakenError();
    return hashPin(pin, deps.scryptOptions);
  }

  async function add(input: { name: string; role: User['role']; pin: string }, actorId: string | null): Promise<Person> {
    const { hash, salt } = await checkedHash(input.pin, null);
    const id = newId();
    const name = input.name.trim();
    users.transaction(() => {
      users.insert({ id, name, role: input.role, pinHash: hash, pinSalt: salt, demo: false, createdAt: clock().toISOString() });
      journal.append({ kind: 'user.added', actorId, subject: id, detail: { name, role: input.role } });
    });
    logger.info('auth.user_created', { userId: id, role: input.role, by: actorId });
    return toPerson(mustFind(id));
  }

  function disable(id: string, actorId: string): Person {
    const row = mustFind(id);
    if (row.disabled_at !== null) return toPerson(row);
    users.transaction(() => {
      const otherOwners = users.active().filter((user) => user.role === 'owner' && user.id !== id);
      if (row.role === 'owner' && otherOwners.length === 0) {
        throw new AppError('last_owner', 'The last active owner cannot be disabled; add another owner first');
      }
      users.disable(id, clock().toISOString());
      journal.append({ kind: 'user.disabled', actorId, subject: id, detail: { name: row.name, role: row.role } });
    });
    if (session.current()?.id === id) session.signOut();
    logger.warn('auth.user_disabled', { userId: id, by: actorId });
    return toPerson(mustFind(id));
  }

  async function setPin(id: string, pin: string, actorId: string, kind: 'user.pin_reset' | 'user.pin_changed'): Promise<Person> {
    const row = mustFind(id);
    if (row.disabled_at !== null) throw new AppError('conflict', 'That user is disabled; their PIN signs nobody in');
    const { hash, salt } = await checkedHash(pin, id);
    users.transaction(() => {
      users.setPin(id, hash, salt);
      journal.append({ kind, actorId, subject: id, detail: { name: row.name } });
    });
    logger.info(kind === 'user.pin_reset' ? 'auth.pin_reset' : 'auth.pin_changed', { userId: id, by: actorId });
    return toPerson(mustFind(id));
  }

  async function changeOwnPin(oldPin: string, newPin: string): Promise<Person> {
    const id = actor();
    const row = users.activeWithId(id);
    if (!row || !(await pinMatches(oldPin, row.pin_hash, row.pin_salt))) throw new AppError('wrong_pin', 'The current PIN is not correct', ['oldPin: not your PIN']);
    return setPin(id, newPin, id, 'user.pin_changed');
  }

  return {
    add: (input, actorId, precondition) =>
      deps.serially(() => {
        precondition?.();
        return add(input, actorId);
      }),
    handlers: {
      'users.list': () => ({ users: users.people().map(toPerson) }),
      'users.add': async (input) => ({ user: await deps.serially(() => add(input, actor())) }),
      'users.disable': ({ id }) => ({ user: disable(id, actor()) }),
      'users.resetPin': async ({ id, pin }) => ({ user: await deps.serially(() => setPin(id, pin, actor(), 'user.pin_reset')) }),
      'users.changeOwnPin': async ({ oldPin, newPin }) => ({ user: await deps.serially(() => changeOwnPin(oldPin, newPin)) }),
    },
  };
}
