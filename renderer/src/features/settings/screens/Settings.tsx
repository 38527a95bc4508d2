/**
 * The owner's settings, one section each with its own "Guardar": the shop and its receipts, the counter, the
 * business day, the offline policy, the routing and the low-balance thresholds. The core validates every field and says which is wrong;
 * a change applies at once and is journaled with who and when. Above them: finishing the set-up, or, in demo
 * mode, the way out of it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../form';
import { useSettingsValues } from '../useSettingsValues';
import { BusinessDayForm } from './BusinessDayForm';
import { CounterForm } from './CounterForm';
import { LowBalanceForm } from './LowBalanceForm';
import { OfflinePolicyForm } from './OfflinePolicyForm';
import { RoutingForm } from './RoutingForm';
import { SetupEntry } from '../../setup/screens/SetupEntry';
import { ShopForm } from './ShopForm';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={`${id}-title`} data-section={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export function Settings() {
  const { t } = useTranslation();
  const { values, error, update } = useSettingsValues();
  return (
    <div className="settings">
      <SetupEntry />
      {error && <FormError problem={{ code: error, fields: {} }} />}
      {values && (
        <>
          <Section id="shop" title={t('settings.sections.shop')}>
            <ShopForm initial={{ shop: values.shop, receiptFooter: values.receiptFooter }} save={(changes) => update(changes)} />
          </Section>
          <Section id="counter" title={t('settings.sections.counter')}>
            <CounterForm initial={values} save={(changes) => update(changes)} />
          </Section>
          <Section id="day" title={t('settings.sections.day')}>
            <BusinessDayForm initial={values} save={(changes) => update(changes)} />
          </Section>
          <Section id="offline" title={t('settings.sections.offline')}>
            <OfflinePolicyForm initial={values.offlinePolicy} save={(offlinePolicy) => update({ offlinePolicy })} />
          </Section>
          <Section id="routing" title={t('settings.sections.routing')}>
            <RoutingForm initial={values.routing} save={(routing) => update({ routing })} />
          </Section>
          <Section id="low-balance" title={t('settings.sections.lowBalance')}>
            <LowBalanceForm initial={values.lowBalanceThresholds} save={(lowBalanceThresholds) => update({ lowBalanceThresholds })} />
          </Section>
        </>
      )}
    </div>
  );
}
