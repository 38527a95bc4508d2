/** The receipt on screen and printing it (through the host's printer, or the browser's print). */
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { receiptService } from './service';
import type { ReceiptSlice, ReceiptState } from './types';

export const receiptInitialState: ReceiptState = { receipt: null, receiptSaleId: null, receiptBusy: false, receiptError: null, receiptPrinted: false, receiptPrintPending: false };

export const createReceiptSlice: Slice<ReceiptSlice> = (set, get) => ({
  ...receiptInitialState,
  async printReceipt(saleId, copy) {
    if (get().receiptBusy) return;
    set({ receiptBusy: true, receiptError: null, receiptSaleId: saleId, receiptPrinted: false, receiptPrintPending: false });
    try {
      const printed = await receiptService.print(saleId, copy);
      const { via, printed: done, ...receipt } = printed;
      set({ receipt, receiptBusy: false, receiptPrinted: done, receiptPrintPending: via === 'renderer' });
    } catch (error) {
      set({ receiptBusy: false, receiptError: errorCodeOf(error) });
    }
  },
  receiptPrintDone: () => set({ receiptPrintPending: false }),
  closeReceipt: () => set({ ...receiptInitialState }),
});
