/**
 * Proveedores (owner): balances with their currency, reconciliation of a day with the providers' records,
 * deposits to the provider accounts, and the float check that ties them together.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDayOf } from '../../../../../shared/business-day';
import { useSaldo } from '../../../app/store';
import { BackofficeLayout } from '../../backoffice/screens/BackofficeLayout';
import '../../backoffice/screens/backoffice.css';
import { Balances } from './Balances';
import { Deposits } from './Deposits';
import { FloatCheck } from './FloatCheck';
import { Reconciliation } from './Reconciliation';

export function Providers() {
  const { t } = useTranslation();
  const rule = useSaldo((state) => state.businessDay);
  const today = businessDayOf(Date.now(), rule).date;
  const [deposited, setDeposited] = useState(0);
  return (
    <BackofficeLayout screen="providers" title={t('providers.title')}>
      <Balances />
      <Reconciliation today={today} />
      <div className="panel-grid">
        <Deposits today={today} onRecorded={() => setDeposited((count) => count + 1)} />
        <FloatCheck today={today} refreshKey={deposited} />
      </div>
    </BackofficeLayout>
  );
}
