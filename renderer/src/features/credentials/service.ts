/** The contract channels of provider credentials: masked list, write-only set, test, remove. */
import type { ProviderId } from '../../../../shared/contract/app';
import type { CredentialsInput } from '../../../../shared/contract/credentials';
import { call } from '../../bridge/client';

export const credentialsService = {
  list: () => call('credentials.list', {}),
  set: (input: CredentialsInput) => call('credentials.set', input),
  test: (provider: ProviderId) => call('credentials.test', { provider }),
  remove: (provider: ProviderId) => call('credentials.remove', { provider }),
};
