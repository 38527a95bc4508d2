/**
 * The test print on the diagnostics screen: asks the core to print it through the counter's printer and keeps,
 * in words the screen can say, where it went. The receipt also shows in the receipt dialog, which in the
 * browser host opens the print dialog, exactly as a sale's receipt does.
 */
import { useCallback, useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import { useSaldo } from '../../app/store';
import { errorCodeOf } from '../../bridge/client';
import { diagnosticsService } from './service';

/** 'printed': the host's printer took it; 'notPrinted': the host's printer refused; 'browser': the print dialog. */
export type TestPrintOutcome = 'printed' | 'notPrinted' | 'browser';

export interface TestPrintView {
  printing: boolean;
  outcome: TestPrintOutcome | null;
  error: ErrorCode | null;
  printTest(): Promise<void>;
}

export function useTestPrint(): TestPrintView {
  const [printing, setPrinting] = useState(false);
  const [outcome, setOutcome] = useState<TestPrintOutcome | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const printTest = useCallback(async () => {
    setPrinting(true);
    setOutcome(null);
    setError(null);
    try {
      const printed = await diagnosticsService.testPrint();
      setOutcome(printed.via === 'renderer' ? 'browser' : printed.printed ? 'printed' : 'notPrinted');
      useSaldo.getState().showPrintedReceipt(printed);
    } catch (caught) {
      // The host's printer threw (off, no paper, unplugged): that too is "did not print".
      setOutcome('notPrinted');
      setError(errorCodeOf(caught));
    } finally {
      setPrinting(false);
    }
  }, []);

  return { printing, outcome, error, printTest };
}
