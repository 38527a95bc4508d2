/**
 * Routing: per country (and optionally per carrier), the providers tried in priority order; countries without
 * a row use the fallback order. Each provider says whether it sells in that country at all, from the shared
 * country table, so the owner does not put first a provider that never answers there.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderId } from '../../../../../shared/contract/app';
import type { SettingsValues } from '../../../../../shared/contract/settings';
import { COUNTRIES, countryByCode } from '../../../../../shared/countries';
import { useSaldo } from '../../../app/store';
import { providerName } from '../../../format';
import { Field, fieldProblem, useSave } from '../form';
import { sayProblem } from '../problems';
import { SaveBar } from './SaveBar';
import { SelectField } from './SelectField';

type Routing = SettingsValues['routing'];
const ALL_PROVIDERS: readonly ProviderId[] = ['relier', 'mobisend', 'liquido'];

function move(order: readonly ProviderId[], index: number, by: -1 | 1): ProviderId[] {
  const next = [...order];
  const [item] = next.splice(index, 1);
  if (item) next.splice(index + by, 0, item);
  return next;
}

/** One priority order: the providers in use with up, down and remove; the others to add at the end. */
function ProviderOrder({ label, order, country, problem, onOrder }: { label: string; order: readonly ProviderId[]; country: string | null; problem: string | null; onOrder(order: ProviderId[]): void }) {
  const { t } = useTranslation();
  const sells = (provider: ProviderId) => country === null || (countryByCode(country)?.providers ?? []).includes(provider);
  return (
    <div className="routing-row" role="group" aria-label={label}>
      <span className="field-label">{label}</span>
      <ol className="routing-order">
        {order.map((provider, index) => {
          const name = providerName(provider);
          return (
            <li key={provider}>
              {index + 1}. {name}
              {!sells(provider) && <span className="pill pill-warn">{t('settings.routing.doesNotSell')}</span>}
              <button type="button" disabled={index === 0} aria-label={t('settings.routing.up', { provider: name, where: label })} onClick={() => onOrder(move(order, index, -1))}>
                ↑
              </button>
              <button type="button" disabled={index === order.length - 1} aria-label={t('settings.routing.down', { provider: name, where: label })} onClick={() => onOrder(move(order, index, 1))}>
                ↓
              </button>
              <button type="button" disabled={order.length === 1} aria-label={t('settings.routing.remove', { provider: name, where: label })} onClick={() => onOrder(order.filter((other) => other !== provider))}>
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      {ALL_PROVIDERS.filter((provider) => !order.includes(provider)).map((provider) => (
        <button key={provider} type="button" className="secondary" onClick={() => onOrder([...order, provider])} aria-label={t('settings.routing.add', { provider: providerName(provider), where: label })}>
          + {providerName(provider)}
        </button>
      ))}
      {problem && (
        <p className="error field-problem" data-testid="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

export function RoutingForm({ initial, save: store }: { initial: Routing; save(routing: Routing): Promise<unknown> }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const [routing, setRouting] = useState<Routing>(initial);
  const [newCountry, setNewCountry] = useState('');
  const [carrier, setCarrier] = useState<Record<string, string>>({});
  const save = useSave();
  const problem = (path: string) => sayProblem(fieldProblem(save.problem, path), t);
  const countryName = (code: string) => countryByCode(code)?.name[language === 'en' ? 'en' : 'es'] ?? code;
  const missing = COUNTRIES.filter((country) => !routing.countries[country.code]);
  const setCountry = (code: string, entry: Routing['countries'][string] | null) =>
    setRouting((current) => {
      const countries = { ...current.countries };
      if (entry) countries[code] = entry;
      else delete countries[code];
      return { ...current, countries };
    });

  return (
    <>
      {Object.entries(routing.countries).map(([code, entry]) => (
        <div key={code} className="routing-country" data-country={code}>
          <h3>{countryName(code)}</h3>
          <ProviderOrder label={t('settings.routing.default', { country: countryName(code) })} order={entry.default} country={code} problem={problem(`routing.countries.${code}.default`)} onOrder={(order) => setCountry(code, { ...entry, default: order })} />
          {Object.entries(entry.carriers ?? {}).map(([name, order]) => (
            <div key={name} className="routing-carrier">
              <ProviderOrder
                label={t('settings.routing.carrier', { carrier: name, country: countryName(code) })}
                order={order}
                country={code}
                problem={problem(`routing.countries.${code}.carriers.${name}`)}
                onOrder={(next) => setCountry(code, { ...entry, carriers: { ...entry.carriers, [name]: next } })}
              />
              <button
                type="button"
                className="secondary"
                onClick={() => setCountry(code, { ...entry, carriers: Object.fromEntries(Object.entries(entry.carriers ?? {}).filter(([other]) => other !== name)) })}
              >
                {t('settings.routing.removeCarrier', { carrier: name })}
              </button>
            </div>
          ))}
          <div className="form-actions">
            <Field label={t('settings.routing.carrierName', { country: countryName(code) })} value={carrier[code] ?? ''} onValue={(value) => setCarrier((current) => ({ ...current, [code]: value }))} maxLength={40} autoComplete="off" />
            <button
              type="button"
              className="secondary"
              disabled={!(carrier[code] ?? '').trim()}
              onClick={() => {
                setCountry(code, { ...entry, carriers: { ...entry.carriers, [(carrier[code] ?? '').trim()]: [...entry.default] } });
                setCarrier((current) => ({ ...current, [code]: '' }));
              }}
            >
              {t('settings.routing.addCarrier')}
            </button>
            <button type="button" className="secondary" onClick={() => setCountry(code, null)}>
              {t('settings.routing.removeCountry', { country: countryName(code) })}
            </button>
          </div>
        </div>
      ))}
      {missing.length > 0 && (
        <div className="form-actions">
          <SelectField label={t('settings.routing.newCountry')} value={newCountry} onValue={setNewCountry} options={[{ value: '', label: '—' }, ...missing.map((country) => ({ value: country.code, label: countryName(country.code) }))]} />
          <button type="button" className="secondary" disabled={!newCountry} onClick={() => (setCountry(newCountry, { default: [...(countryByCode(newCountry)?.providers ?? ALL_PROVIDERS)] }), setNewCountry(''))}>
            {t('settings.routing.addCountry')}
          </button>
        </div>
      )}
      <ProviderOrder label={t('settings.routing.fallback')} order={routing.fallback} country={null} problem={problem('routing.fallback')} onOrder={(order) => setRouting((current) => ({ ...current, fallback: order }))} />
      <SaveBar busy={save.busy} saved={save.saved} problem={save.problem} onSave={() => void save.run(() => store(routing))} />
    </>
  );
}
