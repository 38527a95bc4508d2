/** The contract channels of the providers' accounts: balances, reconciliation, deposits, the float check. */
import type { DepositInput } from '../../../../shared/contract/accounts';
import { call } from '../../bridge/client';

export const providersService = {
  balances: (refresh: boolean) => call('accounts.balances', refresh ? { refresh } : {}),
  reconcile: (date: string, settle: boolean) => call('accounts.reconcile', { date, ...(settle ? { settle } : {}) }),
  deposits: () => call('accounts.deposits', {}),
  addDeposit: (deposit: DepositInput) => call('accounts.addDeposit', deposit),
  floatCheck: (date: string) => call('accounts.floatCheck', { date }),
};
