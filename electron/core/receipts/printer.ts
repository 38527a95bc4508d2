/**
 * How a host prints a receipt. Core only knows this interface: the Electron host implements silent printing
 * to the configured printer (page size in microns, from `widthMicrons`) and a PDF preview; the browser host
 * cannot reach a printer, so it hands the receipt back and the page prints it with the browser's own print.
 */
import type { RenderedReceipt } from '../../../shared/contract/receipts';

export interface PrintJob {
  receipt: RenderedReceipt;
  /** A complete printable page (shared/receipt.ts receiptHtml). */
  html: string;
  title: string;
  /** The paper's width in microns (58 mm = 58000), for silent printing's pageSize. */
  widthMicrons: number;
}

export interface Printer {
  /** 'host': the host prints; 'renderer': the page prints the receipt itself (browser host). */
  readonly kind: 'host' | 'renderer';
  print(job: PrintJob): Promise<{ printed: boolean }>;
}

/** The browser host's printer: nothing to do in main; the page calls window.print() on the receipt. */
export const rendererPrinter: Printer = {
  kind: 'renderer',
  print: async () => ({ printed: false }),
};

/** A printer that keeps every job, for tests. */
export function createMemoryPrinter(): Printer & { jobs: PrintJob[] } {
  const jobs: PrintJob[] = [];
  return {
    kind: 'host',
    jobs,
    async print(job) {
      jobs.push(job);
      return { printed: true };
    },
  };
}
