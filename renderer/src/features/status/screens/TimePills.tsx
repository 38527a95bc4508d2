/**
 * The status bar's facts about time: how many sales the provider has not answered yet (a tap opens them in
 * today's list) and which provider is being paced by its request budget, and until when.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { time } from '../../../format';
import { statusSelectors } from '../slice';
import { ListPill } from './ListPill';

export function VerifyingPill() {
  const { t } = useTranslation();
  const count = useSaldo(statusSelectors.verifying);
  const sending = useSaldo((state) => state.step === 'sending');
  if (count === 0) return null;
  return (
    <ListPill testId="verifying" tone="pill-warn" filter="verifying" label={t('status.verifyingOpen', { count })} disabled={sending}>
      {t('status.verifying', { count })}
    </ListPill>
  );
}

/** Re-renders at the next pacing end, so a pill never outlives its time. */
function useNow(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(0, until - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [until, now]);
  return now;
}

export function PacedPills() {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const connectivity = useSaldo((state) => state.connectivity);
  const paced = statusSelectors.pacedProviders(connectivity);
  const now = useNow(paced.length ? Math.min(...paced.map((provider) => Date.parse(provider.until))) : null);
  return (
    <>
      {paced
        .filter((provider) => Date.parse(provider.until) > now)
        .map((provider) => (
          <span key={provider.name} className="pill pill-warn" title={t('status.pacedTitle')} data-testid="paced">
            {t('status.paced', { provider: provider.name, time: time(provider.until, language) })}
          </span>
        ))}
    </>
  );
}
