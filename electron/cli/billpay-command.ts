/**
 * `provider mobisend billpay` through the ledger, like `sell`: the payment is quoted (fee and pesos at the
 * shop's rate), recorded with its Idempotency-Key before it is sent, sent once, and answered as the sale it
 * became; an unknown outcome is resolved later by `sync`, never by paying again. Also `pricing`, the owner's
 * exchange rate and markup for what is bought in USD.
 *
 *   provider mobisend billpay --biller CODE --account N --amount 150 [--rush] [--biller-name NAME] [--biller-country US]
 *   pricing                                               the shop's rate and markup
 *   pricing --rate 18.50 --markup 5 [--country HN]         set one for all (or for a country)
 *   pricing --country HN --clear                           remove a country's own
 *
 * Amounts are typed as people say them (`--amount 150` is 150 USD, the currency MobiSend takes bills in).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { PricingSettings } from '../../shared/contract/sale-kinds';
import { moneyFromMajor } from '../../shared/money';
import { withCore } from './ledger-commands';

type Output = (line: string) => void;
type Values = Record<string, string | boolean | undefined>;

class BillPayUsageError extends Error {}

const text = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);

function failure(output: Output, code: string, message: string): number {
  output(JSON.stringify({ ok: false, error: { code, message } }));
  return 1;
}

/** One bill payment as a ledger sale. `values` are the provider command's parsed flags. */
export async function runLedgerBillPay(values: Values, output: Output): Promise<number> {
  const billerCode = text(values, 'biller');
  const accountNumber = text(values, 'account');
  const amountText = text(values, 'amount');
  if (!billerCode || !accountNumber || !amountText) return failure(output, 'invalid_input', 'billpay needs --biller, --account and --amount');
  let amount;
  try {
    amount = moneyFromMajor(amountText, 'USD');
  } catch (error) {
    return failure(output, 'invalid_input', error instanceof Error ? error.message : String(error));
  }
  const billerCountry = text(values, 'biller-country')?.toUpperCase();
  const quoteInput = { billerCode, amount, rush: values.rush === true, ...(billerCountry ? { billerCountry } : {}) };
  return withCore(async (core) => {
    const quote = await core.dispatcher.invoke('billpay.quote', quoteInput, { host: 'cli' });
    if (!quote.ok) return failure(output, quote.error.code, quote.error.message);
    const charge = (quote.value as { pricing: { charge: unknown } }).pricing.charge;
    const pay = { ...quoteInput, requestId: randomUUID(), billerName: text(values, 'biller-name') ?? `Biller ${billerCode}`, accountNumber, expectedCharge: charge };
    const answer = await core.dispatcher.invoke('billpay.pay', pay, { host: 'cli' });
    if (!answer.ok) return failure(output, answer.error.code, answer.error.message);
    output(JSON.stringify({ ok: true, quote: quote.value, sale: answer.value }));
    return 0;
  });
}

const PRICING_FLAGS = {
  rate: { type: 'string' },
  markup: { type: 'string' },
  country: { type: 'string' },
  clear: { type: 'boolean' },
} as const;

/** `pricing [--rate R --markup M] [--country C] [--clear]`: read or change the owner's pricing in pesos (validated by the core). */
export async function runPricingCommand(argv: string[], output: Output = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  let values: Values;
  try {
    values = parseArgs({ args: argv, options: PRICING_FLAGS, strict: true, allowPositionals: false }).values;
    if (values.clear && (values.rate !== undefined || values.markup !== undefined || values.country === undefined)) throw new BillPayUsageError('--clear takes only --country');
    if ((values.rate === undefined) !== (values.markup === undefined)) throw new BillPayUsageError('give --rate and --markup together');
  } catch (error) {
    return failure(output, 'invalid_input', error instanceof Error ? error.message : String(error));
  }
  return withCore(async (core) => {
    const current = await core.dispatcher.invoke('pricing.get', {}, { host: 'cli' });
    if (!current.ok) return failure(output, current.error.code, current.error.message);
    let pricing = current.value as PricingSettings;
    const country = text(values, 'country')?.toUpperCase();
    if (values.clear && country) {
      pricing = { ...pricing, byCountry: pricing.byCountry.filter((entry) => entry.country !== country) };
    } else if (typeof values.rate === 'string' && typeof values.markup === 'string') {
      const price = { rate: values.rate, markupPercent: values.markup };
      pricing = country ? { ...pricing, byCountry: [...pricing.byCountry.filter((entry) => entry.country !== country), { country, ...price }] } : { ...pricing, default: price };
    } else {
      output(JSON.stringify({ ok: true, pricing }));
      return 0;
    }
    const saved = await core.dispatcher.invoke('pricing.set', pricing, { host: 'cli' });
    if (!saved.ok) return failure(output, saved.error.code, saved.error.message);
    output(JSON.stringify({ ok: true, pricing: saved.value }));
    return 0;
  });
}
