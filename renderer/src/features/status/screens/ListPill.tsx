/** A status pill that is also a door: a tap opens today's sales filtered to what the pill counts. */
import type { ReactNode } from 'react';
import { useSaldo } from '../../../app/store';
import type { TodayFilter } from '../../today/types';

interface ListPillProps {
  testId: string;
  tone: 'pill-ok' | 'pill-warn' | 'pill-bad' | 'pill-muted';
  filter: TodayFilter;
  title?: string;
  /** The accessible name, when the visible text alone does not say where the tap goes. */
  label?: string;
  disabled: boolean;
  children: ReactNode;
}

export function ListPill({ testId, tone, filter, title, label, disabled, children }: ListPillProps) {
  const { go, showFilter } = useSaldo.getState();
  return (
    <button
      type="button"
      className={`pill pill-button ${tone}`}
      data-testid={testId}
      title={title}
      aria-label={label}
      disabled={disabled}
      onClick={() => {
        go('today');
        showFilter(filter);
      }}
    >
      {children}
    </button>
  );
}
