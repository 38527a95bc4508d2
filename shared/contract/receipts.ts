/** Receipts for the counter's printer (58 or 80 mm) and the language the counter speaks. */
import { z } from 'zod';
import { defineChannel } from './define';

export const LanguageSchema = z.enum(['es-MX', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const ReceiptWidthSchema = z.union([z.literal(58), z.literal(80)]);
export type ReceiptWidthMm = z.infer<typeof ReceiptWidthSchema>;

const ReceiptRequestSchema = z
  .object({
    saleId: z.string().min(1).max(100),
    /** A reprint: the receipt says COPY. */
    copy: z.boolean().optional(),
    /** Paper width; the shop's setting when absent. */
    widthMm: ReceiptWidthSchema.optional(),
    /** Language of the receipt; the shop's setting when absent. */
    language: LanguageSchema.optional(),
  })
  .strict();

export const RenderedReceiptSchema = z.object({
  /** Monospace text lines, none longer than `columns`. */
  lines: z.array(z.string()),
  columns: z.union([z.literal(32), z.literal(48)]),
  widthMm: ReceiptWidthSchema,
  language: LanguageSchema,
});
export type RenderedReceipt = z.infer<typeof RenderedReceiptSchema>;

export const PrintedReceiptSchema = RenderedReceiptSchema.extend({
  /** 'printer': the host printed it; 'renderer': the page prints it itself (browser host: window.print). */
  via: z.enum(['printer', 'renderer']),
  printed: z.boolean(),
});
export type PrintedReceipt = z.infer<typeof PrintedReceiptSchema>;

export const receiptsChannels = {
  'receipts.render': defineChannel({
    input: ReceiptRequestSchema,
    output: RenderedReceiptSchema,
    access: 'cashier',
    description: "A sale's receipt as text lines for the shop's paper width (preview, PDF, printing)",
  }),
  'receipts.print': defineChannel({
    input: ReceiptRequestSchema,
    output: PrintedReceiptSchema,
    access: 'cashier',
    description: "Print a sale's receipt through the host's printer (or hand it back for the page to print)",
  }),
  'receipts.testPrint': defineChannel({
    input: z.object({}).strict(),
    output: PrintedReceiptSchema,
    access: 'tech',
    description: "The technician's test print: shop, date and paper width from the settings, through the same printer as sales receipts",
  }),
  'settings.setLanguage': defineChannel({
    input: z.object({ language: LanguageSchema }).strict(),
    output: z.object({ language: LanguageSchema }),
    access: 'cashier',
    description: 'The language of the counter and its receipts (Spanish by default); signed out the sign-in screen switches only itself',
  }),
};
