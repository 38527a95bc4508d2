/** The contract channel that lays out and prints a receipt (through the host's printer, or not). */
import { call } from '../../bridge/client';

export const receiptService = {
  print: (saleId: string, copy: boolean) => call('receipts.print', { saleId, copy }),
};
