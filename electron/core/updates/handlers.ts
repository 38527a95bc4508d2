/** Handlers of the updates.* channels: the policy's answer now, the owner's yes, the owner's update settings. */
import type { HandlerMap } from '../ipc/dispatcher';
import type { Database } from 'better-sqlite3';
import { giveOwnerConsent, saveUpdateSettings } from './settings';
import { updateStatus } from './state';

export interface UpdatesHandlerDeps {
  db: Database;
  version: string;
  clock: () => Date;
}

export function createUpdatesHandlers(deps: UpdatesHandlerDeps): Pick<HandlerMap, 'updates.status' | 'updates.confirm' | 'updates.configure'> {
  const status = () => updateStatus(deps.db, { now: deps.clock().getTime(), version: deps.version });
  return {
    'updates.status': status,
    'updates.confirm': ({ allowNonEmptyQueue }) => {
      giveOwnerConsent(deps.db, allowNonEmptyQueue, deps.clock());
      return status();
    },
    'updates.configure': (changes) => {
      saveUpdateSettings(deps.db, changes, deps.clock());
      return status();
    },
  };
}
