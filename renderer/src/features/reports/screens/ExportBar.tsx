/**
 * Downloads from the report being shown: the CSV of its sales (numbers masked to the last four digits unless
 * the owner asks for full numbers, which the core records), and the report itself as PDF or CSV (a Z as it was
 * sealed). The core makes each file; ../../backoffice/download hands it to the browser.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGrouping } from '../../../../../shared/contract/backoffice';
import { downloadFile } from '../../backoffice/download';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useAction } from '../../backoffice/useAsync';
import type { Period } from '../period';
import { reportsService } from '../service';

export function ExportBar({ period, zNumber, by }: { period: Period; zNumber: string | null; by: ReportGrouping }) {
  const { t } = useTranslation();
  const [fullNumbers, setFullNumbers] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const exporting = useAction(async (which: 'sales' | 'pdf' | 'csv') => {
    const file = which === 'sales' ? await reportsService.exportSales(period, fullNumbers) : await reportsService.exportReport(zNumber ? { zNumber } : { period }, which, zNumber ? undefined : by);
    downloadFile(file);
    setSaved(file.fileName);
    return file;
  });
  return (
    <section className="panel" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('reports.exports.title')}</h2>
      <div className="field-row">
        <button type="button" className="secondary" disabled={exporting.busy} onClick={() => void exporting.run('sales')}>
          {t('reports.exports.salesCsv')}
        </button>
        <button type="button" className="chip-button" aria-pressed={fullNumbers} onClick={() => setFullNumbers((full) => !full)}>
          {t('reports.exports.fullNumbers')}
        </button>
        <button type="button" className="secondary" disabled={exporting.busy} onClick={() => void exporting.run('pdf')}>
          {zNumber ? t('reports.exports.zPdf', { number: zNumber }) : t('reports.exports.reportPdf')}
        </button>
        <button type="button" className="secondary" disabled={exporting.busy} onClick={() => void exporting.run('csv')}>
          {zNumber ? t('reports.exports.zCsv', { number: zNumber }) : t('reports.exports.reportCsv')}
        </button>
      </div>
      {saved && (
        <p className="ok" role="status">
          {t('reports.exports.saved', { file: saved })}
        </p>
      )}
      {exporting.error && <Problem code={exporting.error} />}
    </section>
  );
}
