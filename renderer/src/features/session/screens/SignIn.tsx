/** Sign-in with a 4 to 6 digit PIN on a big keypad (or the keyboard). */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { Keypad } from '../../../components/Keypad';
import { DEMO_TEST_NUMBERS } from '../../../../../shared/demo-numbers';
import { phone as formatPhone, providerName, time } from '../../../format';
import { sessionSelectors } from '../slice';

const MAX_PIN = 6;

/** Demo mode: the sandboxes' test numbers and what each one does, so every outcome can be tried at the counter. */
function DemoTestNumbers() {
  const { t } = useTranslation();
  return (
    <section className="demo-numbers" aria-labelledby="demo-numbers-title">
      <h2 id="demo-numbers-title">{t('counter.demo.title')}</h2>
      <ul>
        {DEMO_TEST_NUMBERS.map((entry) => (
          <li key={entry.phone}>
            <span className="demo-phone">{formatPhone(entry.phone, 'MX')}</span> {t(`counter.demo.outcomes.${entry.outcome}`, { provider: providerName(entry.provider) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SignIn() {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const signIn = useSaldo((state) => state.signIn);
  const signingIn = useSaldo((state) => state.signingIn);
  const problem = useSaldo((state) => state.signInProblem);
  const language = useSaldo((state) => state.language);
  const demo = useSaldo(sessionSelectors.demo);

  // The PIN as keyed so far, read by Enter even before React has rendered the last digit.
  const pinNow = useRef('');
  const changePin = useCallback((next: (current: string) => string) => {
    pinNow.current = next(pinNow.current);
    setPin(pinNow.current);
  }, []);

  const submit = useCallback(async () => {
    const typed = pinNow.current;
    if (typed.length < 4 || useSaldo.getState().signingIn) return;
    const ok = await signIn(typed);
    if (!ok) changePin(() => '');
  }, [signIn, changePin]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.target instanceof HTMLInputElement || (event.key === 'Enter' && event.target instanceof HTMLButtonElement)) return;
      // Keys after Enter, while the PIN is checked, are the customer's number: never lost, never in the PIN.
      const { signingIn: checking, user, typeAhead } = useSaldo.getState();
      if (checking || user) return typeAhead(event.key);
      if (/^\d$/.test(event.key)) changePin((current) => (current.length < MAX_PIN ? current + event.key : current));
      else if (event.key === 'Backspace') changePin((current) => current.slice(0, -1));
      else if (event.key === 'Enter' && !event.repeat) void submit();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit, changePin]);

  let message: string | null = null;
  if (problem?.code === 'forbidden' && problem.lockedUntil) message = t('signIn.locked', { time: time(problem.lockedUntil, language) });
  else if (problem?.code === 'unauthenticated') message = problem.attemptsLeft !== null ? t('signIn.wrongPin', { count: problem.attemptsLeft }) : t('signIn.wrongPinNoCount');
  else if (problem) message = t(`errors.${problem.code}`);

  return (
    <main className="sign-in" id="content">
      <h1>{t('signIn.title')}</h1>
      <p className="hint">{t('signIn.hint')}</p>
      <div className="pin-display" role="status" aria-label={t('signIn.pinLabel')}>
        <span aria-hidden="true">{pin.length ? '●'.repeat(pin.length) : '\u00a0'}</span>
        <span className="visually-hidden">{t('signIn.pinDigits', { count: pin.length })}</span>
      </div>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <Keypad label={t('keypad.label')} onDigit={(digit) => changePin((current) => (current.length < MAX_PIN ? current + digit : current))} onDelete={() => changePin((current) => current.slice(0, -1))} onClear={() => changePin(() => '')} />
      <button type="button" className="primary wide" disabled={pin.length < 4 || signingIn} onClick={() => void submit()}>
        {signingIn ? t('signIn.working') : t('signIn.submit')}
      </button>
      {demo && <p className="hint">{t('signIn.demoHint')}</p>}
      {demo && <DemoTestNumbers />}
    </main>
  );
}
