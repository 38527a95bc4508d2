/**
 * Receipts for the counter: the receipt of a sale as text lines (shared/receipt.ts) for the shop's paper
 * width and language, and printing through the host's Printer. Also the counter's language setting, which
 * the receipts follow.
 *
 *   const receipts = createReceiptsModule({ settings, printer, logger, getSale, userName });
 *   dispatcher handlers: { ...receipts.handlers }
 */
import type { Sale } from '../../../shared/contract/sales';
import type { Language, PrintedReceipt, ReceiptWidthMm, RenderedReceipt } from '../../../shared/contract/receipts';
import { AppError } from '../../../shared/errors';
import { receiptHtml, renderReceipt, renderTestReceipt } from '../../../shared/receipt';
import type { HandlerMap } from '../ipc/dispatcher';
import type { Logger } from '../kernel/logger';
import type { SettingsStore } from '../settings/store';
import type { Printer } from './printer';

export type ReceiptsHandlers = Pick<HandlerMap, 'receipts.render' | 'receipts.print' | 'receipts.testPrint' | 'settings.setLanguage'>;

/**
 * Where the core counts a sale's printed receipts: the first print is the original, every later one says COPIA
 * (whoever asks and from whichever screen). The runtime keeps it in the journal, so a restart forgets nothing.
 */
export interface PrintLog {
  count(saleId: string): number;
  record(saleId: string, detail: { copy: boolean; via: 'printer' | 'renderer'; printed: boolean }): void;
}

export interface ReceiptsModuleOptions {
  settings: SettingsStore;
  printer: Printer;
  logger: Logger;
  /** A sale by id, or null (the ledger: `(id) => { const s = ledger.get(id); return s ? publicSale(s) : null }`). */
  getSale(id: string): Sale | null;
  /** A cashier's display name by user id (auth module's userName), or null. */
  userName(id: string): string | null;
  clock?: () => Date;
  /** IANA time zone for receipt dates; the host's when absent. */
  timeZone?: string;
  /** Counts prints per sale; without it only a reprint asked as such (`copy`) says COPIA. */
  printLog?: PrintLog;
  /** The owner's receipt footer (setting `receiptFooter`), read at each print so a change applies at once. */
  footer?: () => string;
}

export interface ReceiptsModule {
  handlers: ReceiptsHandlers;
  render(request: { saleId: string; copy?: boolean; widthMm?: ReceiptWidthMm; language?: Language }): RenderedReceipt;
}

export function createReceiptsModule(options: ReceiptsModuleOptions): ReceiptsModule {
  const clock = options.clock ?? (() => new Date());

  function render(request: { saleId: string; copy?: boolean; widthMm?: ReceiptWidthMm; language?: Language }): RenderedReceipt {
    const sale = options.getSale(request.saleId);
    if (!sale) throw new AppError('not_found', `No sale ${request.saleId}`);
    const shop = options.settings.read();
    return renderReceipt(
      {
        shop: shop.shop,
        footer: options.footer?.() ?? '',
        sale,
        cashierName: options.userName(sale.cashierId) ?? sale.cashierId,
        printedAt: clock(),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      },
      { widthMm: request.widthMm ?? shop.receiptWidthMm, language: request.language ?? shop.language, copy: request.copy ?? false },
    );
  }

  /** Prints through the host's printer, the one path for sales receipts and the test print alike. */
  async function print(receipt: RenderedReceipt, title: string, logFields: Record<string, unknown>): Promise<PrintedReceipt> {
    if (options.printer.kind === 'renderer') return { ...receipt, via: 'renderer', printed: false };
    try {
      const { printed } = await options.printer.print({ receipt, html: receiptHtml(receipt, title), title, widthMicrons: receipt.widthMm * 1000 });
      options.logger.info('receipts.printed', { ...logFields, printed });
      return { ...receipt, via: 'printer', printed };
    } catch (error) {
      options.logger.error('receipts.print_failed', { ...logFields, error: String(error) });
      throw new AppError('internal', 'The printer did not print the receipt');
    }
  }

  const handlers: ReceiptsHandlers = {
    'receipts.render': (input) => render(input),
    'receipts.print': async (input) => {
      // Printed once already: this one is a copy, whatever the screen asked.
      const copy = (input.copy ?? false) || (options.printLog?.count(input.saleId) ?? 0) > 0;
      const printed = await print(render({ ...input, copy }), `Saldo ${input.saleId}`, { saleId: input.saleId, copy });
      options.printLog?.record(input.saleId, { copy, via: printed.via, printed: printed.printed });
      return printed;
    },
    'receipts.testPrint': async () => {
      const shop = options.settings.read();
      const receipt = renderTestReceipt(
        { shop: shop.shop, printedAt: clock(), ...(options.timeZone ? { timeZone: options.timeZone } : {}) },
        { widthMm: shop.receiptWidthMm, language: shop.language },
      );
      return print(receipt, 'Saldo test print', { test: true, widthMm: receipt.widthMm });
    },
    'settings.setLanguage': ({ language }) => ({ language: options.settings.update({ language }).language }),
  };

  return { handlers, render };
}
