/**
 * The first-run set-up, on the touch screen: language; the shop for the receipt header and footer; time zone
 * and the business day's start; the owner (name, PIN twice); provider credentials with "Probar conexión"; the
 * paper width with a test print; the offline policy. Each step is saved on its own by the core, so the set-up
 * can be left and resumed at the first step not done. Nothing sells until an owner and a provider exist.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SETUP_STEPS, type SetupStep } from '../../../../../shared/contract/setup';
import { useSaldo } from '../../../app/store';
import { CredentialsList } from '../../credentials/screens/Credentials';
import { RestartNotice } from '../../credentials/screens/RestartNotice';
import { BusinessDayForm } from '../../settings/screens/BusinessDayForm';
import { OfflinePolicyForm } from '../../settings/screens/OfflinePolicyForm';
import { ShopForm } from '../../settings/screens/ShopForm';
import '../../settings/screens/admin.css';
import { setupService } from '../service';
import { useSetupDefaults } from '../useSetupDefaults';
import { OwnerStep } from './OwnerStep';
import { PrinterStep } from './PrinterStep';

/** The wizard's pages: the core's steps, with the language first and a last page that says what is left. */
type Page = 'language' | SetupStep | 'done';
const PAGES: readonly Page[] = ['language', ...SETUP_STEPS, 'done'];

function LanguageStep({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const setLanguage = useSaldo((state) => state.setLanguage);
  return (
    <>
      <p className="hint">{t('setup.language.hint')}</p>
      <div className="choice-row">
        <button type="button" className="big" lang="es-MX" aria-pressed={language === 'es-MX'} onClick={() => void setLanguage('es-MX', false)}>
          Español
        </button>
        <button type="button" className="big" lang="en" aria-pressed={language === 'en'} onClick={() => void setLanguage('en', false)}>
          English
        </button>
      </div>
      <div className="form-actions">
        <button type="button" className="primary big" onClick={onDone}>
          {t('setup.next')}
        </button>
      </div>
    </>
  );
}

function DonePage() {
  const { t } = useTranslation();
  const status = useSaldo((state) => state.setupStatus);
  const { closeSetup, go } = useSaldo.getState();
  const left = SETUP_STEPS.filter((step) => status?.steps?.[step] === false);
  return (
    <>
      {status?.canSell ? <p className="ok">{t('setup.done.canSell')}</p> : <p className="error">{t('setup.done.cannotSell')}</p>}
      {status?.restartRequired && <RestartNotice />}
      {left.length > 0 && <p>{t('setup.done.left', { steps: left.map((step) => t(`setup.steps.${step}`)).join(', ') })}</p>}
      <div className="form-actions">
        <button
          type="button"
          className="primary big"
          onClick={() => {
            closeSetup();
            go('sell');
          }}
        >
          {t('setup.done.close')}
        </button>
      </div>
    </>
  );
}

function firstPageToDo(steps: Partial<Record<SetupStep, boolean>> | undefined): Page {
  if (!steps || !steps.shop) return 'language';
  return SETUP_STEPS.find((step) => !steps[step]) ?? 'done';
}

export function Setup() {
  const { t } = useTranslation();
  const status = useSaldo((state) => state.setupStatus);
  const language = useSaldo((state) => state.language);
  const signedIn = useSaldo((state) => state.user !== null);
  const { setupStatusChanged, loadSetupStatus, closeSetup } = useSaldo.getState();
  const defaults = useSetupDefaults();
  const [page, setPage] = useState<Page | null>(null);
  useEffect(() => {
    if (page === null && status) setPage(firstPageToDo(status.steps));
  }, [page, status]);

  const current = page ?? 'language';
  const index = PAGES.indexOf(current);
  const next = () => {
    void loadSetupStatus();
    setPage(PAGES[index + 1] ?? 'done');
  };
  const savedStep = (answer: Awaited<ReturnType<typeof setupService.save>>) => setupStatusChanged(answer);

  return (
    <main className="setup" id="content" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <ol className="steps" aria-label={t('setup.progress')}>
        {PAGES.filter((one) => one !== 'done').map((one) => {
          const done = one === 'language' ? index > 0 : status?.steps?.[one] === true;
          return (
            <li key={one} className={one === current ? 'step-current' : done ? 'step-done' : ''} aria-current={one === current ? 'step' : undefined}>
              {t(`setup.steps.${one}`)}
              {done && <span className="visually-hidden"> {t('setup.stepDone')}</span>}
            </li>
          );
        })}
      </ol>
      <section className="form-section" aria-labelledby="setup-step-title" data-step={current}>
        <h2 id="setup-step-title">{t(`setup.steps.${current}`)}</h2>
        {current === 'language' && <LanguageStep onDone={next} />}
        {current === 'shop' && defaults && (
          <ShopForm initial={defaults} submitLabel={t('setup.saveNext')} save={async (values) => savedStep(await setupService.save({ step: 'shop', language, ...values }))} onSaved={next} />
        )}
        {current === 'businessDay' && defaults && <BusinessDayForm initial={defaults} submitLabel={t('setup.saveNext')} save={async (values) => savedStep(await setupService.save({ step: 'businessDay', ...values }))} onSaved={next} />}
        {current === 'owner' && <OwnerStep done={status?.steps?.owner === true} onDone={next} />}
        {current === 'providers' && (
          <>
            <p className="hint">{t('setup.providers.hint')}</p>
            <CredentialsList onChanged={() => void loadSetupStatus()} />
            <div className="form-actions">
              <button type="button" className="primary big" onClick={next}>
                {t('setup.next')}
              </button>
            </div>
          </>
        )}
        {current === 'printer' && defaults && <PrinterStep initial={defaults.receiptWidthMm} onDone={next} />}
        {current === 'offlinePolicy' && defaults && (
          <OfflinePolicyForm initial={defaults.offlinePolicy} submitLabel={t('setup.saveNext')} save={async (offlinePolicy) => savedStep(await setupService.save({ step: 'offlinePolicy', offlinePolicy }))} onSaved={next} />
        )}
        {current === 'done' && <DonePage />}
      </section>
      <div className="setup-nav">
        <button type="button" className="secondary big" disabled={index === 0} onClick={() => setPage(PAGES[index - 1] ?? 'language')}>
          {t('setup.back')}
        </button>
        {signedIn && current !== 'done' && (
          <button type="button" className="secondary big" onClick={closeSetup}>
            {t('setup.later')}
          </button>
        )}
      </div>
    </main>
  );
}
