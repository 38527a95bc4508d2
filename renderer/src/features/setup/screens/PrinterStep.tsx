/** The set-up's printer: the paper width, then a test print whose outcome is said in words. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsValues } from '../../../../../shared/contract/settings';
import { useTestPrint, type TestPrintOutcome } from '../../diagnostics/useTestPrint';
import { useSave } from '../../settings/form';
import { Choice } from '../../settings/screens/CounterForm';
import { SaveBar } from '../../settings/screens/SaveBar';
import { setupService } from '../service';

const OUTCOME_WORDS: Record<TestPrintOutcome, string> = {
  printed: 'diagnostics.testPrinted',
  notPrinted: 'diagnostics.testNotPrinted',
  browser: 'diagnostics.testBrowser',
};

export function PrinterStep({ initial, onDone }: { initial: SettingsValues['receiptWidthMm']; onDone(): void }) {
  const { t } = useTranslation();
  const [width, setWidth] = useState(initial);
  const save = useSave();
  const { printing, outcome, error, printTest } = useTestPrint();
  return (
    <>
      <Choice<SettingsValues['receiptWidthMm']>
        label={t('settings.counter.paper')}
        value={width}
        onValue={setWidth}
        options={[
          { value: 58, label: t('settings.counter.paperMm', { mm: 58 }) },
          { value: 80, label: t('settings.counter.paperMm', { mm: 80 }) },
        ]}
      />
      <SaveBar label={t('setup.saveWidth')} busy={save.busy} saved={save.saved} problem={save.problem} onSave={() => void save.run(() => setupService.save({ step: 'printer', receiptWidthMm: width }))} />
      <p className="hint">{t('setup.printer.hint')}</p>
      <div className="form-actions">
        <button type="button" className="secondary big" disabled={printing || !save.saved} onClick={() => void printTest()}>
          {printing ? t('diagnostics.testPrinting') : t('diagnostics.testPrint')}
        </button>
        <button type="button" className="primary big" disabled={!save.saved} onClick={onDone}>
          {t('setup.next')}
        </button>
      </div>
      {outcome && (
        <p className={outcome === 'notPrinted' ? 'error' : 'ok'} role={outcome === 'notPrinted' ? 'alert' : 'status'} data-testid="test-print-outcome">
          {t(OUTCOME_WORDS[outcome])}
          {error && ` ${t(`errors.${error}`)}`}
        </p>
      )}
    </>
  );
}
