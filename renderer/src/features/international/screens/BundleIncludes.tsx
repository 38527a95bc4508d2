/** What a bundle ("paquete") includes, as its catalog entry describes it: data, days, minutes, social apps. */
import { useTranslation } from 'react-i18next';
import type { BundleIncludes as Includes } from '../../../../../shared/contract/sale-kinds';
import { useSaldo } from '../../../app/store';
import { intlLocale } from '../../../i18n';

/** 2048 MB reads "2 GB", 500 MB "500 MB". */
function data(megabytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return megabytes >= 1024 ? `${number.format(megabytes / 1024)} GB` : `${number.format(megabytes)} MB`;
}

export function BundleIncludes({ includes }: { includes: Includes }) {
  const { t } = useTranslation();
  const locale = intlLocale(useSaldo((state) => state.language));
  const parts = [
    includes.dataMb !== undefined ? t('more.includes.data', { amount: data(includes.dataMb, locale) }) : null,
    includes.minutes !== undefined ? t('more.includes.minutes', { count: includes.minutes }) : null,
    includes.apps.length > 0 ? t('more.includes.apps', { apps: includes.apps.join(', ') }) : null,
    includes.days !== undefined ? t('more.includes.days', { count: includes.days }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <span className="includes">
      {parts.length > 0 ? parts.map((part) => <span key={part} className="include-part">{part}</span>) : <span className="include-part">{includes.description}</span>}
    </span>
  );
}
