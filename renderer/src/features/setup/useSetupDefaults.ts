/**
 * What the set-up's forms start from: the shop's stored settings when an owner is signed in (a set-up resumed
 * after the owner step), otherwise the defaults a fresh install has (nobody may read settings before an owner).
 */
import { useEffect, useState } from 'react';
import type { SettingsValues } from '../../../../shared/contract/settings';
import { useSaldo } from '../../app/store';
import { settingsService } from '../settings/service';

export type SetupDefaults = Pick<SettingsValues, 'shop' | 'receiptFooter' | 'timeZone' | 'dayStartHour' | 'receiptWidthMm' | 'offlinePolicy'>;

// The same defaults the core applies where nothing is stored (README: offline on, 500 MXN a sale, 5,000 MXN in all, 24 h).
const FRESH: SetupDefaults = {
  shop: { name: '', address: '' },
  receiptFooter: '',
  timeZone: 'America/Mexico_City',
  dayStartHour: 0,
  receiptWidthMm: 80,
  offlinePolicy: { enabled: true, maxSale: { minor: 50_000, currency: 'MXN' }, maxQueuedTotal: { minor: 500_000, currency: 'MXN' }, maxAgeMs: 24 * 3_600_000 },
};

export function useSetupDefaults(): SetupDefaults | null {
  const owner = useSaldo((state) => state.user?.role === 'owner');
  const [defaults, setDefaults] = useState<SetupDefaults | null>(owner ? null : FRESH);
  useEffect(() => {
    if (!owner) {
      setDefaults(FRESH);
      return;
    }
    settingsService.values().then(
      ({ values }) => setDefaults(values),
      () => setDefaults(FRESH),
    );
  }, [owner]);
  return defaults;
}
