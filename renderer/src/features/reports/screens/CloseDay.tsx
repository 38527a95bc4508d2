/**
 * Closing the business day (the Z), owner only: the dialog first says what stands in the way, as sentences
 * (a shift of the day still open, a sale still sending, the day already closed); the core checks the same and
 * refuses regardless. A Z cannot be redone or edited, and the dialog says so before the owner confirms.
 */
import { useTranslation } from 'react-i18next';
import type { Z } from '../../../../../shared/contract/backoffice';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useAction, useLoaded } from '../../backoffice/useAsync';
import { shiftsService } from '../../shifts/service';
import { reportsService } from '../service';

type Obstacle = 'open_shift' | 'sending' | 'already_closed';

async function obstaclesFor(date: string): Promise<Obstacle[]> {
  const [shifts, figures, zs] = await Promise.all([shiftsService.list(), reportsService.get({ from: date, to: date }), reportsService.zList()]);
  const found: Obstacle[] = [];
  if (shifts.shifts.some((shift) => shift.businessDay === date && shift.state === 'open')) found.push('open_shift');
  if (figures.totals.sending.count + figures.totals.created.count > 0) found.push('sending');
  if (zs.zs.some((z) => z.businessDay === date)) found.push('already_closed');
  return found;
}

export function CloseDay({ date, onClosed, onCancel }: { date: string; onClosed(z: Z): void; onCancel(): void }) {
  const { t } = useTranslation();
  const obstacles = useLoaded(() => obstaclesFor(date), date);
  const close = useAction(() => reportsService.closeDay(date));
  const blocked = (obstacles.value ?? []).length > 0;
  return (
    <div className="dialog-backdrop">
      <div className="dialog guard-dialog" role="alertdialog" aria-modal="true" aria-labelledby="close-day-title" aria-describedby="close-day-body">
        <h2 id="close-day-title">{t('reports.z.confirmTitle', { date })}</h2>
        <p id="close-day-body">{t('reports.z.confirmBody')}</p>
        {obstacles.loading && <p className="hint">{t('app.loading')}</p>}
        {(obstacles.value ?? []).map((obstacle) => (
          <p key={obstacle} className="banner banner-bad" role="alert">
            {t(`reports.z.obstacle.${obstacle}`)}
          </p>
        ))}
        {obstacles.error && <Problem code={obstacles.error} />}
        {close.error && <Problem code={close.error} />}
        <div className="actions">
          <button type="button" className="secondary big" onClick={onCancel}>
            {t('reports.z.cancel')}
          </button>
          <button
            type="button"
            className="danger big"
            disabled={close.busy || obstacles.loading || blocked}
            onClick={() =>
              void close.run().then((z) => {
                if (z) onClosed(z);
                else void obstacles.reload();
              })
            }
          >
            {t('reports.z.confirm', { date })}
          </button>
        </div>
      </div>
    </div>
  );
}
