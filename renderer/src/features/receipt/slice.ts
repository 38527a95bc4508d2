/** The receipt on screen and printing it (through the host's printer, or the browser's print). */
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { receiptService } from './service';
import type { ReceiptSlice, ReceiptState } from './types';

export const receiptInitialState: ReceiptState = { receipt: null, receiptSaleId: null, receiptBusy: false, receiptError: null, receiptPrinted: false, receiptPrintPending: false, receiptVia: null, printedSaleIds: [] };

export const createReceiptSlice: Slice<ReceiptSlice> = (set, get) => ({
  ...receiptInitialState,
  async printReceipt(saleId, copy) {
    if (get().receiptBusy) return;
    set({ receiptBusy: true, receiptError: null, receiptSaleId: saleId, receiptPrinted: false, receiptPrintPending: false });
    try {
      get().showPrintedReceipt(await receiptService.print(saleId, copy));
      if (!get().printedSaleIds.includes(saleId)) set({ printedSaleIds: [...get().printedSaleIds, saleId] });
    } catch (error) {
      set({ receiptBusy: false, receiptError: errorCodeOf(error) });
    }
  },
  showPrintedReceipt({ via, printed, ...receipt }) {
    set({ receipt, receiptBusy: false, receiptPrinted: printed, receiptPrintPending: via === 'renderer', receiptVia: via });
  },
  receiptPrintDone: () => set({ receiptPrintPending: false }),
  closeReceipt: () => set({ ...receiptInitialState, printedSaleIds: get().printedSaleIds }),
});
