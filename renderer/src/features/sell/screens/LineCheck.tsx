/** The line as the read-back shows it, asked again when the confirm screen appears (never a stale "En línea"). */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { statusSelectors } from '../../status/slice';

export function LineCheck() {
  const { t } = useTranslation();
  const online = useSaldo(statusSelectors.online);
  const unreachable = useSaldo(useShallow(statusSelectors.unreachableProviders));
  const text = online === null ? t('status.checking') : !online ? t('sell.lineOffline') : unreachable.length ? t('sell.linePartial', { providers: unreachable.join(', ') }) : t('sell.lineOnline');
  return (
    <p className={`line-check ${online === false ? 'error' : 'hint'}`} data-testid="confirm-line">
      {text}
    </p>
  );
}
