/** The receipt on screen and printing it: the receipt slice's shape. */
import type { RenderedReceipt } from '../../../../shared/contract/receipts';
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
}

export interface ReceiptActions {
  /** Prints a sale's receipt; `copy` marks a reprint. The receipt also shows on screen. */
  printReceipt(saleId: string, copy: boolean): Promise<void>;
  receiptPrintDone(): void;
  closeReceipt(): void;
}

export type ReceiptSlice = ReceiptState & ReceiptActions;
