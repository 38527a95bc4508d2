import { describe, expect, it } from 'vitest';
import { ClientError } from '../../renderer/src/bridge/client';
import { offlineCapOf } from '../../renderer/src/features/sell/offline-cap';

describe('which offline cap refused a sale', () => {
  it('reads the cap from the core issue, in minor units', () => {
    const refused = new ClientError('offline_not_allowed', 'No provider is reachable.', ['maxSale: 5000 MXN']);
    expect(offlineCapOf(refused)).toEqual({ kind: 'sale', cap: { minor: 5000, currency: 'MXN' } });
  });

  it("reads it from today's reason sentences when no issue is given", () => {
    const each = new ClientError('offline_not_allowed', 'No provider is reachable. Offline sales are limited to 50 MXN each.');
    expect(offlineCapOf(each)).toEqual({ kind: 'sale', cap: { minor: 5000, currency: 'MXN' } });
    const total = new ClientError('offline_not_allowed', 'No provider is reachable. The offline queue is full (at most 5000 MXN in total).');
    expect(offlineCapOf(total)).toEqual({ kind: 'total', cap: { minor: 500000, currency: 'MXN' } });
  });

  it('names no cap for other refusals', () => {
    expect(offlineCapOf(new ClientError('offline_not_allowed', 'No provider is reachable. Selling while offline is switched off by the owner.'))).toBeNull();
    expect(offlineCapOf(new ClientError('no_provider', 'limited to 50 MXN each'))).toBeNull();
    expect(offlineCapOf(new Error('limited to 50 MXN each'))).toBeNull();
  });
});
