/** The receipt on screen and printing it: the receipt slice's shape. */
import type { PrintedReceipt, RenderedReceipt } from '../../../../shared/contract/receipts';
import type { ErrorCode } from '../../../../shared/errors';

export interface ReceiptState {
  receipt: RenderedReceipt | null;
  receiptSaleId: string | null;
  receiptBusy: boolean;
  receiptError: ErrorCode | null;
  /** The host printed it. */
  receiptPrinted: boolean;
  /** The page must print it itself (browser host): the receipt view calls window.print() once shown. */
  receiptPrintPending: boolean;
  /** Who printed the receipt shown: the host's printer, or the page's print dialog (browser host). */
  receiptVia: 'printer' | 'renderer' | null;
  /** Sales whose receipt this counter has printed: their next print is a copy (the core counts it too). */
  printedSaleIds: string[];
}

export interface ReceiptActions {
  /** Prints a sale's receipt; `copy` marks a reprint. The receipt also shows on screen. */
  printReceipt(saleId: string, copy: boolean): Promise<void>;
  /** Shows a receipt the core printed (or handed back for the page's print dialog), e.g. the test print. */
  showPrintedReceipt(printed: PrintedReceipt): void;
  receiptPrintDone(): void;
  closeReceipt(): void;
}

export type ReceiptSlice = ReceiptState & ReceiptActions;
