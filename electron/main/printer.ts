/**
 * Receipts on the shop's thermal printer: the receipt page is loaded in a hidden window and printed silently
 * to the configured printer with the paper's width in microns (without a page size, silent printing uses A4).
 */
import { BrowserWindow } from 'electron';
import type { Printer } from '../core/receipts';

/** Height of a receipt page: long enough for any receipt; thermal printers cut at the end of the content. */
const RECEIPT_PAGE_HEIGHT_MICRONS = 297_000;

export function createElectronPrinter(deviceName?: string): Printer {
  return {
    kind: 'host',
    async print(job) {
      const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' } });
      try {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(job.html)}`);
        const printed = await new Promise<boolean>((resolve) => {
          window.webContents.print(
            {
              silent: true,
              printBackground: false,
              ...(deviceName ? { deviceName } : {}),
              margins: { marginType: 'none' },
              pageSize: { width: job.widthMicrons, height: RECEIPT_PAGE_HEIGHT_MICRONS },
            },
            (success) => resolve(success),
          );
        });
        return { printed };
      } finally {
        window.destroy();
      }
    },
  };
}
