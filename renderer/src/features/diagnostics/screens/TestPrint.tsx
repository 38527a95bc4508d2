/** "Imprimir prueba": prints the test receipt and says in words whether it reached the printer. */
import { useTranslation } from 'react-i18next';
import { useTestPrint, type TestPrintOutcome } from '../useTestPrint';

const OUTCOME_WORDS: Record<TestPrintOutcome, string> = {
  printed: 'diagnostics.testPrinted',
  notPrinted: 'diagnostics.testNotPrinted',
  browser: 'diagnostics.testBrowser',
};

export function TestPrint() {
  const { t } = useTranslation();
  const { printing, outcome, error, printTest } = useTestPrint();
  return (
    <section className="diagnostics-test-print" aria-labelledby="test-print-title">
      <h2 id="test-print-title">{t('diagnostics.printer')}</h2>
      <p className="hint">{t('diagnostics.testPrintHint')}</p>
      <button type="button" className="secondary big" onClick={() => void printTest()} disabled={printing}>
        {printing ? t('diagnostics.testPrinting') : t('diagnostics.testPrint')}
      </button>
      {outcome && (
        <p className={outcome === 'notPrinted' ? 'error' : 'ok'} role={outcome === 'notPrinted' ? 'alert' : 'status'} data-testid="test-print-outcome" data-outcome={outcome}>
          {t(OUTCOME_WORDS[outcome])}
          {error && ` ${t(`errors.${error}`)}`}
        </p>
      )}
    </section>
  );
}
