/** Whether the first-run set-up shows, and its progress as the core keeps it: the set-up slice's shape. */
import type { SetupStatus } from '../../../../shared/contract/setup';

export interface SetupState {
  /** The core's answer to setup.status (null until the first answer). */
  setupStatus: SetupStatus | null;
  /** The wizard was opened (or is being finished) by this person: it stays until they close it. */
  setupOpen: boolean;
}

export interface SetupActions {
  /** Asks the core where set-up stands (at boot, after a sign-in or out, after each step). */
  loadSetupStatus(): Promise<void>;
  setupStatusChanged(status: SetupStatus): void;
  openSetup(): void;
  closeSetup(): void;
}

export type SetupSlice = SetupState & SetupActions;
