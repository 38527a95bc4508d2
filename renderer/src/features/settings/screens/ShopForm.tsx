/**
 * The shop as its receipts print it: name, address, phone, RFC (optional), the footer, and the shop's default
 * language. Used by the settings screen and by the set-up wizard (which saves it as its "shop" step).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsValues } from '../../../../../shared/contract/settings';
import { Field, fieldProblem, useSave } from '../form';
import { sayProblem } from '../problems';
import { SaveBar } from './SaveBar';

export interface ShopFormValues {
  shop: SettingsValues['shop'];
  receiptFooter: string;
}

interface ShopFormProps {
  initial: ShopFormValues;
  submitLabel?: string;
  save(values: ShopFormValues): Promise<unknown>;
  onSaved?: () => void;
}

export function ShopForm({ initial, submitLabel, save: store, onSaved }: ShopFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial.shop.name);
  const [address, setAddress] = useState(initial.shop.address);
  const [phone, setPhone] = useState(initial.shop.phone ?? '');
  const [rfc, setRfc] = useState(initial.shop.rfc ?? '');
  const [footer, setFooter] = useState(initial.receiptFooter);
  const save = useSave();
  const problem = (path: string) => sayProblem(fieldProblem(save.problem, path), t);
  const submit = async () => {
    const shop = { name: name.trim(), address: address.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), ...(rfc.trim() ? { rfc: rfc.trim().toUpperCase() } : {}) };
    if (await save.run(() => store({ shop, receiptFooter: footer.trim() }))) onSaved?.();
  };
  return (
    <>
      <div className="form-grid">
        <Field label={t('settings.shop.name')} value={name} onValue={setName} maxLength={60} autoComplete="organization" problem={problem('shop.name')} />
        <Field label={t('settings.shop.address')} value={address} onValue={setAddress} maxLength={200} autoComplete="street-address" problem={problem('shop.address')} />
        <Field label={t('settings.shop.phone')} value={phone} onValue={setPhone} inputMode="tel" maxLength={20} autoComplete="tel" problem={problem('shop.phone')} />
        <Field label={`${t('settings.shop.rfc')} ${t('forms.optional')}`} value={rfc} onValue={setRfc} maxLength={13} autoComplete="off" hint={t('settings.shop.rfcHint')} problem={problem('shop.rfc')} />
        <Field label={t('settings.shop.footer')} value={footer} onValue={setFooter} maxLength={200} autoComplete="off" hint={t('settings.shop.footerHint')} problem={problem('receiptFooter')} />
      </div>
      <SaveBar label={submitLabel} busy={save.busy} saved={save.saved} problem={save.problem} disabled={name.trim() === ''} onSave={() => void submit()} />
    </>
  );
}
