/** While a sale is sent: what is being sent and for how long (counted from `startedAt`), so nobody sells it twice. */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function SendingPanel({ title, startedAt, children }: { title: string; startedAt: number | null; children?: ReactNode }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - (startedAt ?? now)) / 1000));
  return (
    <div className="sell-sending" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h2 role="status">{title}</h2>
      {children}
      <p className="elapsed" role="timer" aria-live="off" data-testid="elapsed">
        {t('sell.elapsed', { count: seconds })}
      </p>
      <p className="hint">{t('sell.sendingWait')}</p>
    </div>
  );
}
