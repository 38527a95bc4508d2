/** What the counter sells, one tap apart: Mexican top-ups, international top-ups, bill payments. */
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import type { RouteId } from '../../navigation/types';
import '../sell-more.css';

const KINDS = ['sell', 'international', 'billpay'] as const satisfies readonly RouteId[];

export function SaleKindTabs({ current }: { current: (typeof KINDS)[number] }) {
  const { t } = useTranslation();
  const go = useSaldo((state) => state.go);
  return (
    <nav className="kind-tabs" aria-label={t('more.tabs.label')}>
      {KINDS.map((kind) => (
        <button key={kind} type="button" className="kind-tab" aria-current={kind === current ? 'page' : undefined} onClick={() => go(kind)}>
          {t(`more.tabs.${kind}`)}
        </button>
      ))}
    </nav>
  );
}
