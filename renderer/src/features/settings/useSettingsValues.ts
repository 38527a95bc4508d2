/** Every setting's current value (settings.values), loaded when the screen opens; each section saves its own keys. */
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { SettingsValues } from '../../../../shared/contract/settings';
import type { ErrorCode } from '../../../../shared/errors';
import { useSaldo } from '../../app/store';
import { errorCodeOf } from '../../bridge/client';
import { settingsService } from './service';

export interface SettingsValuesView {
  values: SettingsValues | null;
  error: ErrorCode | null;
  /** Stores some settings (validated by the core field by field); the screen shows what the core answered. */
  update(changes: ChannelInput<'settings.update'>): Promise<void>;
}

export function useSettingsValues(): SettingsValuesView {
  const [values, setValues] = useState<SettingsValues | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    settingsService.values().then(
      (answer) => setValues(answer.values),
      (caught: unknown) => setError(errorCodeOf(caught)),
    );
  }, []);
  const update = useCallback(async (changes: ChannelInput<'settings.update'>) => {
    const answer = await settingsService.update(changes);
    setValues(answer.values);
    // The counter follows at once what it keeps of the settings: its idle time, business day and language.
    const { timeZone, dayStartHour, idleSignOutMinutes, language } = answer.values;
    useSaldo.setState({ businessDay: { timeZone, dayStartHour }, idleSignOutMinutes });
    if (changes.language !== undefined) await useSaldo.getState().setLanguage(language, false);
  }, []);
  return { values, error, update };
}
