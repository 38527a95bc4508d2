import { describe, expect, it } from 'vitest';
import { ClientError } from '../../renderer/src/bridge/client';
import { offlineCapOf } from '../../renderer/src/features/sell/offline-cap';
import { offlineCapIssue } from '../../shared/offline-cap';

describe('which offline cap refused a sale', () => {
  it('reads the cap from the core issue, in minor units', () => {
    const refused = new ClientError('offline_not_allowed', 'No provider is reachable.', ['maxSale: 5000 MXN']);
    expect(offlineCapOf(refused)).toEqual({ kind: 'sale', cap: { minor: 5000, currency: 'MXN' } });
  });

  it('reads what the core writes, for either cap', () => {
    for (const cap of [{ kind: 'sale', cap: { minor: 20_000, currency: 'MXN' } }, { kind: 'total', cap: { minor: 500_000, currency: 'MXN' } }] as const) {
      expect(offlineCapOf(new ClientError('offline_not_allowed', 'No provider is reachable.', ['something else', offlineCapIssue(cap)]))).toEqual(cap);
    }
  });

  it('names no cap for other refusals', () => {
    expect(offlineCapOf(new ClientError('offline_not_allowed', 'No provider is reachable. Selling while offline is switched off by the owner.'))).toBeNull();
    // The English sentence alone names nothing: the cap travels as an issue.
    expect(offlineCapOf(new ClientError('offline_not_allowed', 'No provider is reachable. Offline sales are limited to 50.00 MXN each.'))).toBeNull();
    expect(offlineCapOf(new ClientError('no_provider', 'limited to 50 MXN each'))).toBeNull();
    expect(offlineCapOf(new Error('limited to 50 MXN each'))).toBeNull();
  });
});
