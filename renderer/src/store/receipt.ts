/** The receipt on screen and printing it (through the host's printer, or the browser's print). */
import type { RenderedReceipt } from '../../../shared/contract/receipts';
import type { ErrorCode } from '../../../shared/errors';
import { receiptsService } from '../services/api';
import { errorCodeOf } from '../services/client';
import type { Slice } from './types';

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

export const receiptInitialState: ReceiptState = { receipt: null, receiptSaleId: null, receiptBusy: false, receiptError: null, receiptPrinted: false, receiptPrintPending: false };

export const createReceiptSlice: Slice<ReceiptSlice> = (set, get) => ({
  ...receiptInitialState,
  async printReceipt(saleId, copy) {
    if (get().receiptBusy) return;
    set({ receiptBusy: true, receiptError: null, receiptSaleId: saleId, receiptPrinted: false, receiptPrintPending: false });
    try {
      const printed = await receiptsService.print(saleId, copy);
      const { via, printed: done, ...receipt } = printed;
      set({ receipt, receiptBusy: false, receiptPrinted: done, receiptPrintPending: via === 'renderer' });
    } catch (error) {
      set({ receiptBusy: false, receiptError: errorCodeOf(error) });
    }
  },
  receiptPrintDone: () => set({ receiptPrintPending: false }),
  closeReceipt: () => set({ ...receiptInitialState }),
});
