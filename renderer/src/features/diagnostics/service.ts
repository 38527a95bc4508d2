/** The contract channels the diagnostics screen uses: the checks made now, the support bundle and the test print. */
import { call } from '../../bridge/client';

export const diagnosticsService = {
  check: () => call('app.diagnostics', {}),
  supportBundle: () => call('diagnostics.supportBundle', {}),
  testPrint: () => call('receipts.testPrint', {}),
};
