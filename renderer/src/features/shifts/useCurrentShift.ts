/**
 * This PC's drawer as the shift screens use it: the shift (blind for a cashier until counted), the float to
 * suggest, and the actions (open, cash in/out, end with a count). Kept in the screen: fetched afresh on each
 * visit and after each action.
 */
import { useCallback, useState } from 'react';
import type { BlindCount, Shift } from '../../../../shared/contract/backoffice';
import type { Money } from '../../../../shared/money';
import { useAction, useLoaded } from '../backoffice/useAsync';
import { shiftsService } from './service';

export function useCurrentShift() {
  const current = useLoaded(() => shiftsService.current(), 'current');
  /** The shift as `shift.end` answered it: expected and difference, shown once the count is committed. */
  const [justEnded, setJustEnded] = useState<Shift | null>(null);
  const [recorded, setRecorded] = useState<'opened' | 'cashIn' | 'cashOut' | null>(null);
  const action = useAction(async (run: () => Promise<unknown>) => run());
  const { reload } = current;
  const { run } = action;

  const open = useCallback(
    async (float: Money) => {
      const done = await run(() => shiftsService.open(float));
      if (done) setRecorded('opened');
      setJustEnded(null);
      await reload();
    },
    [run, reload],
  );
  const moveCash = useCallback(
    async (direction: 'in' | 'out', amount: Money, reason: string) => {
      const done = await run(() => shiftsService.cash(direction, amount, reason));
      if (done) setRecorded(direction === 'in' ? 'cashIn' : 'cashOut');
      await reload();
      return done !== null;
    },
    [run, reload],
  );
  const end = useCallback(
    async (count: BlindCount) => {
      const ended = (await run(() => shiftsService.end(count))) as Shift | null;
      if (ended) setJustEnded(ended);
      await reload();
      return ended !== null;
    },
    [run, reload],
  );
  return { current, justEnded, recorded, busy: action.busy, actionError: action.error, open, moveCash, end };
}
