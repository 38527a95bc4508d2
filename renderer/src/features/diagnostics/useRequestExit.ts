/**
 * Asking the host to close Saldo, or to close and start it again (`app.requestExit`): the core checks who asks;
 * the Electron host closes (and relaunches when asked), a browser tab cannot and answers so ("not-here").
 * Shared by the diagnostics screen's "Cerrar Saldo" and the credentials' "Reiniciar Saldo".
 */
import { useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import { call, errorCodeOf } from '../../bridge/client';

export type ExitOutcome = 'idle' | 'asking' | 'closing' | 'not-here';

export interface RequestExit {
  outcome: ExitOutcome;
  error: ErrorCode | null;
  /** The person is asked to confirm (a stray tap does not close the counter). */
  ask: () => void;
  request: (options: { restart: boolean }) => Promise<void>;
  reset: () => void;
}

/** `idle` → `asking` (confirm) → `closing` or `not-here`; a refusal goes back to `asking` with its error. */
export function useRequestExit(): RequestExit {
  const [outcome, setOutcome] = useState<ExitOutcome>('idle');
  const [error, setError] = useState<ErrorCode | null>(null);

  async function request({ restart }: { restart: boolean }): Promise<void> {
    setError(null);
    setOutcome('closing');
    try {
      const { exiting } = await call('app.requestExit', restart ? { restart: true } : {});
      setOutcome(exiting ? 'closing' : 'not-here');
    } catch (caught) {
      setError(errorCodeOf(caught));
      setOutcome('asking');
    }
  }

  return { outcome, error, ask: () => setOutcome('asking'), request, reset: () => setOutcome('idle') };
}
