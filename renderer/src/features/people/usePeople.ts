/** The people list as the owner sees it, loaded when the screen opens and after each change. */
import { useCallback, useEffect, useState } from 'react';
import type { Person } from '../../../../shared/contract/people';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../bridge/client';
import { peopleService } from './service';

export function usePeople(): { people: Person[] | null; error: ErrorCode | null; reload(): Promise<void> } {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const reload = useCallback(async () => {
    try {
      setPeople((await peopleService.list()).users);
      setError(null);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { people, error, reload };
}
