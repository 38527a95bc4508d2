/**
 * The update notices' state, kept in the notices (nothing else reads it): the "what changed" notice and the
 * update policy's answer for an owner or a technician. The status is asked once per sign-in and after the
 * owner's answer, never on a timer: every call counts as activity and would keep the session from ending
 * when the counter is left alone.
 */
import { useCallback, useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../../shared/contract/updates';
import type { ErrorCode } from '../../../../shared/errors';
import { useSaldo } from '../../app/store';
import { errorCodeOf } from '../../bridge/client';
import { updatesService } from './service';
import { shouldShowWhatChanged, versionChangeKey, WHAT_CHANGED_STORAGE_KEY, type VersionChange } from './what-changed';

export interface UpdateNoticesView {
  whatChanged: VersionChange | null;
  dismissWhatChanged(): void;
  /** The policy's answer, for an owner or a technician, while an update is downloaded. */
  status: UpdateStatus | null;
  mayConfirm: boolean;
  confirming: boolean;
  error: ErrorCode | null;
  confirm(): Promise<void>;
  /** "Later": the prompt goes away until the next sign-in. */
  postpone(): void;
  postponed: boolean;
}

function readDismissed(): string | null {
  try {
    return window.localStorage.getItem(WHAT_CHANGED_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function useUpdateNotices(): UpdateNoticesView {
  const user = useSaldo((state) => state.user);
  const lastUpdate = useSaldo((state) => state.info?.lastUpdate);
  const [dismissed, setDismissed] = useState<string | null>(readDismissed);
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [postponed, setPostponed] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const role = user?.role ?? null;
  const userId = user?.id ?? null;
  const seesUpdates = role === 'owner' || role === 'tech';

  useEffect(() => {
    setStatus(null);
    setPostponed(false);
    setError(null);
    if (!seesUpdates) return;
    let current = true;
    updatesService.status().then(
      (answer) => current && setStatus(answer),
      () => undefined, // The notice is a courtesy: the diagnostics screen reports a failing status.
    );
    return () => {
      current = false;
    };
  }, [userId, seesUpdates]);

  const dismissWhatChanged = useCallback(() => {
    if (!lastUpdate) return;
    const key = versionChangeKey(lastUpdate);
    try {
      window.localStorage.setItem(WHAT_CHANGED_STORAGE_KEY, key);
    } catch {
      // Storage refused: dismissed for this run only.
    }
    setDismissed(key);
  }, [lastUpdate]);

  const confirm = useCallback(async () => {
    setConfirming(true);
    setError(null);
    try {
      setStatus(await updatesService.confirm());
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setConfirming(false);
    }
  }, []);

  const downloaded = status !== null && status.policy.reason.code !== 'no_update_downloaded';
  return {
    whatChanged: user && shouldShowWhatChanged(lastUpdate, dismissed, Date.now()) ? lastUpdate : null,
    dismissWhatChanged,
    status: downloaded ? status : null,
    mayConfirm: role === 'owner',
    confirming,
    error,
    confirm,
    postpone: () => setPostponed(true),
    postponed,
  };
}
