/** The contract channels of the first-run set-up: its progress, one step at a time, the first owner, leaving demo. */
import type { SetupSaveInput } from '../../../../shared/contract/setup';
import { call } from '../../bridge/client';

export const setupService = {
  status: () => call('setup.status', {}),
  save: (step: SetupSaveInput) => call('setup.save', step),
  createOwner: (name: string, pin: string, pinAgain: string) => call('setup.createOwner', { name, pin, pinAgain }),
  leaveDemo: () => call('setup.leaveDemo', {}),
};
