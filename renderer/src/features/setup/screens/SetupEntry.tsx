/**
 * The ways into the set-up from the owner's settings: "Continuar la configuración" while steps are left, and,
 * in demo mode, "Salir del modo demostración" (after an explicit confirmation: the demo users stop working,
 * demo sales stay marked as demo, and the set-up starts).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { ConfirmDialog, FormError, useSave } from '../../settings/form';
import { setupSelectors } from '../slice';
import { setupService } from '../service';

export function SetupEntry() {
  const { t } = useTranslation();
  const demo = useSaldo((state) => state.info?.mode === 'demo');
  const stepsLeft = useSaldo(setupSelectors.stepsLeft);
  const { loadSetupStatus, openSetup, setupStatusChanged } = useSaldo.getState();
  const [confirming, setConfirming] = useState(false);
  const leave = useSave();
  useEffect(() => {
    void loadSetupStatus();
  }, [loadSetupStatus]);

  return (
    <>
      {demo && (
        <section className="form-section demo-exit" aria-labelledby="demo-exit-title">
          <h2 id="demo-exit-title">{t('setup.demo.title')}</h2>
          <p>{t('setup.demo.body')}</p>
          <button type="button" className="primary big" onClick={() => setConfirming(true)}>
            {t('setup.demo.leave')}
          </button>
          <FormError problem={leave.problem} />
        </section>
      )}
      {!demo && stepsLeft > 0 && (
        <section className="form-section" aria-labelledby="setup-left-title">
          <h2 id="setup-left-title">{t('setup.resume.title')}</h2>
          <p>{t('setup.resume.body', { count: stepsLeft })}</p>
          <button type="button" className="primary big" onClick={openSetup}>
            {t('setup.resume.open')}
          </button>
        </section>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('setup.demo.confirmTitle')}
          body={t('setup.demo.confirmBody')}
          confirmLabel={t('setup.demo.confirm')}
          busy={leave.busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void leave.run(async () => {
              setupStatusChanged(await setupService.leaveDemo());
              openSetup();
            });
          }}
        />
      )}
    </>
  );
}
