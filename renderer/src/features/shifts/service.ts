/** The contract channels of the drawer: this PC's shift, cash in and out, the blind count, the owner's review. */
import type { BlindCount } from '../../../../shared/contract/backoffice';
import type { Money } from '../../../../shared/money';
import { call } from '../../bridge/client';

export const shiftsService = {
  current: () => call('shift.current', {}),
  open: (float: Money) => call('shift.open', { float }),
  cash: (direction: 'in' | 'out', amount: Money, reason: string) => call('shift.cash', { direction, amount, reason }),
  end: (count: BlindCount) => call('shift.end', { count }),
  list: () => call('shift.list', {}),
  get: (id: string) => call('shift.get', { id }),
  close: (id: string, note?: string, ownerPin?: string) => call('shift.close', { id, ...(note ? { note } : {}), ...(ownerPin ? { ownerPin } : {}) }),
};
