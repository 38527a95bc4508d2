/**
 * First-run set-up and the owner's settings (channels setup.*, settings.values, settings.update). Set-up is needed
 * when a live install has no owner, or when an owner chose "Salir del modo demostración" and the shop has no owner
 * of its own yet. While it is needed anyone at the screen may save a step (there is nobody to sign in as), and the
 * owner it creates is signed in to go on with the providers (credentials.*), the printer and the offline policy;
 * creating that owner disables the demo users (their sales keep their names). Otherwise only an owner saves steps,
 * and a signed-out caller learns only that no set-up is needed.
 * Each step is saved on its own and remembered (`setup.progress`), so the screen can be left and resumed.
 * Nothing sells until an owner exists and the core runs live (a provider configured); a shop that left demo mode
 * sells nothing until its credentials apply (`setup_required`).
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { AppMode } from '../../../shared/contract/app';
import { SETUP_STEPS, type SetupSaveInput, type SetupStatus, type SetupStep } from '../../../shared/contract/setup';
import type { SettingKey, SettingsValues } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import type { AuthModule } from '../auth';
import type { Session } from '../auth/session';
import { roleMayCall, type HandlerMap } from '../ipc/dispatcher';
import type { Journal } from '../journal/journal';
import type { Logger } from '../kernel/logger';
import { demoSalesCount } from '../ledger/live-sales';
import { PROVIDER_IDS } from '../providers/registry';
import { readSetting, writeSetting } from '../settings/store';
import type { Credentials } from './credentials';
import type { SettingsRegistry } from './settings-registry';

export type SetupHandlers = Pick<HandlerMap, 'setup.status' | 'setup.save' | 'setup.createOwner' | 'setup.leaveDemo' | 'settings.values' | 'settings.update'>;

export const SETUP_PROGRESS_KEY = 'setup.progress';
export const LEFT_DEMO_KEY = 'setup.leftDemo';
const ProgressSchema = z.record(z.string(), z.string());

/** The setting whose presence also counts a step as done (a shop configured from the command line). */
const STEP_SETTING: Partial<Record<SetupStep, SettingKey>> = { shop: 'shop', businessDay: 'timeZone', printer: 'receiptWidthMm', offlinePolicy: 'offlinePolicy' };

export interface SetupDeps {
  db: Database;
  mode: AppMode;
  auth: AuthModule;
  session: Session;
  registry: SettingsRegistry;
  credentials: Credentials;
  journal: Journal;
  logger: Logger;
  clock: () => Date;
}

export interface SetupModule {
  handlers: SetupHandlers;
  status(full: boolean): SetupStatus;
  /** Throws unless the counter may sell now (live: an owner; demo left for set-up: credentials must apply first). */
  assertMaySell(): void;
}

function changesOf(input: SetupSaveInput): Partial<SettingsValues> {
  switch (input.step) {
    case 'shop': {
      const { step: _step, ...values } = input;
      return values;
    }
    case 'businessDay':
      return { timeZone: input.timeZone, dayStartHour: input.dayStartHour };
    case 'printer':
      return { receiptWidthMm: input.receiptWidthMm };
    case 'offlinePolicy':
      return { offlinePolicy: input.offlinePolicy };
  }
}

export function createSetupModule(deps: SetupDeps): SetupModule {
  const { db, auth, session, registry, credentials, journal, clock } = deps;
  const leftDemo = (): boolean => readSetting(db, LEFT_DEMO_KEY) !== undefined;
  // A shop that left demo mode chooses real PINs from then on, even while the sandboxes still answer.
  if (leftDemo()) auth.requireStrongPins();

  const progress = (): Record<string, string> => {
    const parsed = ProgressSchema.safeParse(readSetting(db, SETUP_PROGRESS_KEY));
    return parsed.success ? parsed.data : {};
  };
  const needed = (): boolean => (deps.mode === 'live' ? !auth.hasOwner() : leftDemo() && !auth.hasOwner(false));
  const canSell = (): boolean => (deps.mode === 'live' ? auth.hasOwner() : !leftDemo());

  function stepsDone(): Record<SetupStep, boolean> {
    const saved = progress();
    const effective = credentials.effective();
    const done = (step: SetupStep): boolean => {
      if (step === 'owner') return auth.hasOwner(false);
      if (step === 'providers') return PROVIDER_IDS.some((id) => Boolean(effective[id]) && credentials.answered(id));
      const key = STEP_SETTING[step];
      return saved[step] !== undefined || (key !== undefined && registry.isStored(key));
    };
    return Object.fromEntries(SETUP_STEPS.map((step) => [step, done(step)])) as Record<SetupStep, boolean>;
  }

  function status(full: boolean): SetupStatus {
    if (!needed() && !full) return { needed: false };
    return { needed: needed(), mode: deps.mode, steps: stepsDone(), canSell: canSell(), restartRequired: credentials.view().restartRequired };
  }

  const viewerMaySeeAll = (): boolean => {
    const viewer = session.current();
    return viewer !== null && roleMayCall(viewer.role, 'tech');
  };

  /** Who may save a step: anyone while there is no owner; then the signed-in owner. Answers the journal's actor. */
  function configuringActor(): string | null {
    const user = session.current();
    if (needed()) return user?.id ?? null;
    if (!user) throw new AppError('unauthenticated', 'Sign in as an owner to change the set-up');
    if (user.role !== 'owner') throw new AppError('forbidden', 'Only an owner may do this');
    return user.id;
  }

  function save(input: SetupSaveInput): SetupStatus {
    const actorId = configuringActor();
    db.transaction(() => {
      registry.update(changesOf(input), actorId);
      writeSetting(db, SETUP_PROGRESS_KEY, { ...progress(), [input.step]: clock().toISOString() }, clock());
    })();
    return status(true);
  }

  async function createOwner(input: { name: string; pin: string; pinAgain: string }) {
    const mustBeNeeded = (): void => {
      if (needed()) return;
      const why = deps.mode === 'demo' && !leftDemo() ? 'leave demo mode first' : 'an owner adds people from the people screen';
      throw new AppError('conflict', `This shop already has an owner; ${why}`);
    };
    mustBeNeeded();
    if (input.pin !== input.pinAgain) throw new AppError('pin_mismatch', 'The two PINs differ', ['pinAgain: does not match the PIN']);
    const person = await auth.people.add({ name: input.name, role: 'owner', pin: input.pin }, null, mustBeNeeded);
    const user = { id: person.id, name: person.name, role: person.role };
    // The shop has an owner of its own now: the demo PINs everyone knows sign nobody in any more.
    if (deps.mode === 'demo') await auth.disableDemoUsers(user.id);
    auth.signInCreated(user);
    return { user };
  }

  /** Starts the set-up from demo mode. The demo users keep signing in until the shop's own owner exists. */
  function leaveDemo(): SetupStatus {
    if (deps.mode !== 'demo') throw new AppError('conflict', 'This shop is already live');
    const actorId = session.current()?.id ?? null;
    if (!leftDemo()) {
      db.transaction(() => {
        writeSetting(db, LEFT_DEMO_KEY, { at: clock().toISOString(), by: actorId }, clock());
        journal.append({ kind: 'app.demo_left', actorId, subject: null, detail: { demoSales: demoSalesCount(db) } });
      })();
    }
    auth.requireStrongPins();
    deps.logger.warn('setup.demo_left', { by: actorId });
    return status(true);
  }

  return {
    status,
    assertMaySell() {
      if (deps.mode === 'live') return auth.requireOwner();
      if (leftDemo()) throw new AppError('setup_required', 'This shop left demo mode: it sells once its owner and provider credentials are set and Saldo has restarted');
    },
    handlers: {
      'setup.status': () => status(viewerMaySeeAll()),
      'setup.save': (input) => save(input),
      'setup.createOwner': (input) => createOwner(input),
      'setup.leaveDemo': () => leaveDemo(),
      'settings.values': () => ({ values: registry.values() }),
      'settings.update': (input) => registry.update(input, session.current()?.id ?? null),
    },
  };
}
