/**
 * One request a back-office screen makes, with what a person needs to see about it: the answer, whether it
 * is on its way, and the contract's error code when it failed (the screen says it as a sentence). Screens keep
 * this state themselves: nothing else in the app reads it, and it is fetched afresh on each visit.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../bridge/client';

export interface AsyncView<T> {
  value: T | null;
  loading: boolean;
  error: ErrorCode | null;
  reload(): Promise<void>;
}

/** Runs `load` now and whenever `key` changes; a late answer for an older key is dropped. */
export function useLoaded<T>(load: () => Promise<T>, key: string): AsyncView<T> {
  const [value, setValue] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorCode | null>(null);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const answer = await loadRef.current();
      if (ticket === latest.current) setValue(answer);
    } catch (caught) {
      if (ticket === latest.current) setError(errorCodeOf(caught));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, key]);

  return { value, loading, error, reload };
}

export interface ActionView<A extends unknown[], T> {
  busy: boolean;
  error: ErrorCode | null;
  /** Answers the value, or null when it failed (the code is in `error`). */
  run(...args: A): Promise<T | null>;
  clearError(): void;
}

/** An action a person starts (a button): one at a time; its failure kept as a code for the screen. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>): ActionView<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const busyRef = useRef(false);
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = useCallback(async (...args: A): Promise<T | null> => {
    if (busyRef.current) return null;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      return await actionRef.current(...args);
    } catch (caught) {
      setError(errorCodeOf(caught));
      return null;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, error, run, clearError: useCallback(() => setError(null), []) };
}
