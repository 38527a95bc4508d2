/**
 * Which report the owner is looking at (a day, a range, the X, a Z) and its figures: the report itself, the
 * chosen grouping's groups, and for a Z what it sealed. Kept in the screen; fetched afresh when the choice changes.
 */
import { useState } from 'react';
import { businessDayOf } from '../../../../shared/business-day';
import type { Report, ReportGrouping, Z } from '../../../../shared/contract/backoffice';
import { useSaldo } from '../../app/store';
import { useLoaded } from '../backoffice/useAsync';
import type { Period } from './period';
import { reportsService } from './service';

export type ReportChoice = { kind: 'day'; date: string } | { kind: 'range'; period: Period } | { kind: 'x' } | { kind: 'z'; number: string };

interface LoadedReport {
  report: Report;
  z: Z | null;
}

/** The business days a choice covers (a Z: the day it closed, once known). */
export function periodOf(choice: ReportChoice, today: string, z: Z | null): Period {
  switch (choice.kind) {
    case 'day':
      return { from: choice.date, to: choice.date };
    case 'range':
      return choice.period;
    case 'x':
      return { from: today, to: today };
    case 'z':
      return z ? { from: z.businessDay, to: z.businessDay } : { from: today, to: today };
  }
}

function keyOf(choice: ReportChoice): string {
  return JSON.stringify(choice);
}

async function load(choice: ReportChoice, today: string): Promise<LoadedReport> {
  if (choice.kind === 'z') {
    const [report, z] = await Promise.all([reportsService.z(choice.number), reportsService.zGet(choice.number)]);
    return { report, z };
  }
  if (choice.kind === 'x') return { report: await reportsService.x(), z: null };
  return { report: await reportsService.get(periodOf(choice, today, null)), z: null };
}

export function useReportView() {
  const rule = useSaldo((state) => state.businessDay);
  const today = businessDayOf(Date.now(), rule).date;
  const [choice, setChoice] = useState<ReportChoice>({ kind: 'x' });
  const [by, setBy] = useState<ReportGrouping>('cashier');
  const [refreshKey, setRefreshKey] = useState(0);
  const loaded = useLoaded(() => load(choice, today), `${keyOf(choice)}#${refreshKey}`);
  const period = periodOf(choice, today, loaded.value?.z ?? null);
  const groups = useLoaded(() => reportsService.get(period, by), `${period.from}:${period.to}:${by}#${refreshKey}`);
  const zs = useLoaded(() => reportsService.zList(), `zs#${refreshKey}`);
  return {
    today,
    choice,
    choose: setChoice,
    by,
    setBy,
    period,
    loaded,
    groups,
    zs,
    refresh: () => setRefreshKey((key) => key + 1),
  };
}
