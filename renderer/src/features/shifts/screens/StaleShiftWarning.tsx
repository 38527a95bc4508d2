/**
 * On every screen of a signed-in person: this PC's shift has been open for more than 24 hours (the core says
 * so in the shift's `stale` flag). Asked at sign-in and every few minutes; a tap hides it until the next check.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { dateTime } from '../../../format';
import { shiftsService } from '../service';

const CHECK_EVERY_MS = 5 * 60_000;

export function StaleShiftWarning() {
  const { t } = useTranslation();
  const userId = useSaldo((state) => state.user?.id ?? null);
  const language = useSaldo((state) => state.language);
  const [openedAt, setOpenedAt] = useState<string | null>(null);

  useEffect(() => {
    if (!userId) {
      setOpenedAt(null);
      return;
    }
    let alive = true;
    const check = () =>
      void shiftsService.current().then(
        ({ shift }) => alive && setOpenedAt(shift?.state === 'open' && shift.stale ? shift.openedAt : null),
        () => undefined,
      );
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [userId]);

  if (!openedAt) return null;
  return (
    <div className="banner banner-warn" role="alert" data-testid="stale-shift">
      {t('shifts.stale', { since: dateTime(openedAt, language) })}{' '}
      <button type="button" className="secondary" onClick={() => setOpenedAt(null)}>
        {t('shifts.dismiss')}
      </button>
    </div>
  );
}
