/** The contract channels of the people screen: the owner's list, add, disable, reset; anyone's own PIN. */
import type { Person } from '../../../../shared/contract/people';
import { call } from '../../bridge/client';

export const peopleService = {
  list: () => call('users.list', {}),
  add: (person: { name: string; role: Person['role']; pin: string }) => call('users.add', person),
  disable: (id: string) => call('users.disable', { id }),
  resetPin: (id: string, pin: string) => call('users.resetPin', { id, pin }),
  changeOwnPin: (oldPin: string, newPin: string) => call('users.changeOwnPin', { oldPin, newPin }),
};
