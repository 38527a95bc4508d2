/** Mi turno (cashier): this PC's drawer only — open, cash in and out, end with a blind count. No back office. */
import { useTranslation } from 'react-i18next';
import { CurrentShift } from './CurrentShift';
import '../../backoffice/screens/backoffice.css';

export function MyShift() {
  const { t } = useTranslation();
  return (
    <main className="backoffice" id="content" aria-labelledby="my-shift-title">
      <div className="backoffice-head">
        <h1 id="my-shift-title">{t('shifts.mine')}</h1>
      </div>
      <CurrentShift />
    </main>
  );
}
