/**
 * The first-run set-up's place in the app: it shows while the core says the shop has no owner, and stays
 * open while the new owner finishes the steps after their own (providers, printer, offline policy).
 */
import type { Slice } from '../../app/slice';
import { setupService } from './service';
import type { SetupSlice, SetupState } from './types';

export const setupInitialState: SetupState = { setupStatus: null, setupOpen: false };

export const createSetupSlice: Slice<SetupSlice> = (set) => ({
  ...setupInitialState,
  async loadSetupStatus() {
    try {
      const status = await setupService.status();
      set((state) => ({ setupStatus: status, setupOpen: state.setupOpen || status.needed }));
    } catch {
      // The counter keeps what it knew; the next sign-in asks again.
    }
  },
  setupStatusChanged(status) {
    set({ setupStatus: status });
  },
  openSetup() {
    set({ setupOpen: true });
  },
  closeSetup() {
    set({ setupOpen: false });
  },
});

export const setupSelectors = {
  /**
   * The set-up screen shows: the core needs it (no owner yet), or the owner is still going through it. Signed
   * out (an idle sign-out half-way) the sign-in shows instead; the owner resumes from Ajustes.
   */
  showing: (state: SetupState & { user: unknown }) => state.setupStatus?.needed === true || (state.setupOpen && state.user !== null),
  /** Steps still to do (told to an owner or technician, and while set-up is needed). */
  stepsLeft: (state: SetupState) => Object.entries(state.setupStatus?.steps ?? {}).filter(([, done]) => !done).length,
};
