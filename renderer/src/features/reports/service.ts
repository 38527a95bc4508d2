/** The contract channels of reports: a day or range (grouped), the X, a Z's figures, closing a day, exports. */
import type { ReportGrouping } from '../../../../shared/contract/backoffice';
import { call } from '../../bridge/client';
import type { Period } from './period';

export const reportsService = {
  get: (period: Period, by?: ReportGrouping) => call('report.get', { from: period.from, to: period.to, ...(by ? { by } : {}) }),
  x: (date?: string) => call('report.x', date ? { date } : {}),
  z: (number: string) => call('report.z', { number }),
  zGet: (number: string) => call('z.get', { number }),
  zList: () => call('z.list', {}),
  closeDay: (date: string) => call('z.close', { date }),
  exportSales: (period: Period, fullNumbers: boolean) => call('accounts.exportSales', { from: period.from, to: period.to, ...(fullNumbers ? { fullNumbers } : {}) }),
  exportReport: (target: { period: Period } | { zNumber: string }, format: 'pdf' | 'csv', by?: ReportGrouping) =>
    call('accounts.exportReport', { ...('zNumber' in target ? { zNumber: target.zNumber } : { from: target.period.from, to: target.period.to }), format, ...(by ? { by } : {}) }),
};
