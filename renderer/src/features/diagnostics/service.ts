/** The contract channels the diagnostics screen uses: the checks made now, and the support bundle. */
import { call } from '../../bridge/client';

export const diagnosticsService = {
  check: () => call('app.diagnostics', {}),
  supportBundle: () => call('diagnostics.supportBundle', {}),
};
