/**
 * The diagnostics screen's own state: the last check, whether one runs, the support bundle being saved.
 * Kept in the screen (not the app store): nothing else reads it, and it is measured afresh on each visit.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Diagnostics } from '../../../../shared/contract/diagnostics';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../bridge/client';
import { downloadSupportBundle } from './save-bundle';
import { diagnosticsService } from './service';

export interface DiagnosticsView {
  diagnostics: Diagnostics | null;
  checking: boolean;
  saving: boolean;
  /** The support bundle's file name once saved. */
  saved: string | null;
  error: ErrorCode | null;
  check(): Promise<void>;
  save(): Promise<void>;
}

export function useDiagnostics(): DiagnosticsView {
  const [diagnostics, setDiagnostics] = useState<Diagnostics | null>(null);
  const [checking, setChecking] = useState(true);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const check = useCallback(async () => {
    setChecking(true);
    setError(null);
    try {
      setDiagnostics(await diagnosticsService.check());
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setChecking(false);
    }
  }, []);

  const save = useCallback(async () => {
    setSaving(true);
    setSaved(null);
    setError(null);
    try {
      const bundle = await diagnosticsService.supportBundle();
      downloadSupportBundle(bundle);
      setSaved(bundle.fileName);
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setSaving(false);
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  return { diagnostics, checking, saving, saved, error, check, save };
}
