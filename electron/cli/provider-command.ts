/**
 * `saldo provider <relier|mobisend|liquido> <operation> [flags]`: one adapter operation, one JSON line out,
 * exit status 0 or 1. The same adapters as the app; with no configuration for the provider, an in-process
 * sandbox (demo mode). Amounts go in as people say them (`--amount 50` is 50 MXN in Mexico) and come out as
 * integer minor units with their currency.
 *
 * A top-up or bill payment from here spends the shop's real balance with no ledger row and no sign-in. With
 * real credentials it is refused unless the operator passes `--allow-unrecorded` and types the confirmation
 * `--confirm "SIN REGISTRO"`; every spend, refused or not, demo or live, is written to the log (redacted).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ProviderIdSchema, type ProviderId } from '../../shared/contract/app';
import { requireCountry, UnknownCountryError, type Country } from '../../shared/countries';
import { MoneyError, moneyFromMajor } from '../../shared/money';
import { resolveDataDir } from '../core/data-dir';
import { createLogger, type Logger } from '../core/kernel/logger';
import { redact } from '../core/kernel/redact';
import { InsecureBaseUrlError } from '../core/providers/http';
import { ProviderConfigError, resolveProviderConfig } from '../core/providers/config';
import { createProviderAdapters, type ProviderAdapters } from '../core/providers/registry';
import type { ProviderAdapter, ProviderError, ProviderResult } from '../core/providers/types';
import { providersConfigFromEndpoints } from '../core/providers/endpoints';
import { NodeSecretStore } from '../core/secrets/node-secret-store';
import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { runLedgerBillPay } from './billpay-command';

export const PROVIDER_OPERATIONS = ['health', 'balance', 'carriers', 'catalog', 'topup', 'status', 'billers', 'billpay', 'orders', 'reconcile'] as const;
type Operation = (typeof PROVIDER_OPERATIONS)[number];

const FLAGS = {
  country: { type: 'string' },
  carrier: { type: 'string' },
  phone: { type: 'string' },
  amount: { type: 'string' },
  sku: { type: 'string' },
  key: { type: 'string' },
  reference: { type: 'string' },
  async: { type: 'boolean' },
  id: { type: 'string' },
  search: { type: 'string' },
  category: { type: 'string' },
  page: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  status: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  biller: { type: 'string' },
  account: { type: 'string' },
  rush: { type: 'boolean' },
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  zip: { type: 'string' },
  'allow-unrecorded': { type: 'boolean' },
  'biller-name': { type: 'string' },
  'biller-country': { type: 'string' },
  confirm: { type: 'string' },
} as const;

/** Operations that spend the shop's balance with no ledger row (a bill payment goes through the ledger: billpay-command.ts). */
const SPENDING_OPERATIONS: ReadonlySet<string> = new Set(['topup']);
/** What the operator must type to spend real balance without a ledger row. */
export const UNRECORDED_CONFIRMATION = 'SIN REGISTRO';

type Flags = ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>>['values'];

class UsageError extends Error {}

/** A live spend without the flag and the typed confirmation. */
class UnrecordedSpendRefused extends Error {}

/** Live spends go through only with both the flag and the exact typed phrase; demo spends always do. */
function guardSpend(live: boolean, flags: Flags): void {
  if (!live) return;
  if (flags['allow-unrecorded'] === true && flags.confirm === UNRECORDED_CONFIRMATION) return;
  throw new UnrecordedSpendRefused(
    `With real credentials this spends real balance and writes no sale to the ledger. Sell with "npm run cli -- sell" instead, or pass --allow-unrecorded --confirm "${UNRECORDED_CONFIRMATION}".`,
  );
}

/** The log line every spend leaves, refused or not; the phone is kept to its last four digits. */
function logSpend(logger: Logger, event: { provider: ProviderId; operation: string; live: boolean; allowed: boolean; flags: Flags }): void {
  const { flags } = event;
  logger.warn(event.allowed ? 'cli.provider_spend' : 'cli.provider_spend_refused', {
    provider: event.provider,
    operation: event.operation,
    mode: event.live ? 'live' : 'demo',
    key: flags.key ?? null,
    reference: flags.reference ?? null,
    phoneLast4: flags.phone ? flags.phone.slice(-4) : null,
    account: flags.account ? flags.account.slice(-4) : null,
    amount: flags.amount ?? null,
    sku: flags.sku ?? null,
  });
}

/** Runs one command and prints one JSON line. Returns the exit status. */
export async function runProviderCommand(argv: string[], print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const args = argv[0] === 'provider' ? argv.slice(1) : argv;
  // Whatever a provider or an error said, no credential reaches the terminal.
  const output = (line: string): void => print(redact(line));
  let sandbox: RunningSandbox | undefined;
  try {
    const { values, positionals } = parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true });
    const [providerText, operationText, ...extra] = positionals;
    const provider = ProviderIdSchema.safeParse(providerText);
    if (!provider.success) throw new UsageError(`usage: provider <relier|mobisend|liquido> <${PROVIDER_OPERATIONS.join('|')}> [flags]`);
    const operation = PROVIDER_OPERATIONS.find((name) => name === operationText);
    if (!operation || extra.length > 0) throw new UsageError(`operation must be one of ${PROVIDER_OPERATIONS.join(', ')}`);
    // Issue 14: a bill payment is a sale in the ledger, like `sell`, never a spend around it.
    if (operation === 'billpay') {
      if (provider.data === 'mobisend') return await runLedgerBillPay(values, output);
      output(JSON.stringify({ ok: false, error: { code: 'not_supported', message: `${provider.data} offers no bill payment` } }));
      return 1;
    }

    const dataDir = resolveDataDir();
    const resolved = resolveProviderConfig({ env: process.env, dataDir, secretStore: () => NodeSecretStore.open(dataDir) });
    const live = resolved.sources[provider.data] !== 'demo';
    if (SPENDING_OPERATIONS.has(operation)) {
      const logger = createLogger({ file: join(dataDir, 'logs', 'saldo.log') });
      try {
        guardSpend(live, values);
        logSpend(logger, { provider: provider.data, operation, live, allowed: true, flags: values });
      } catch (error) {
        logSpend(logger, { provider: provider.data, operation, live, allowed: false, flags: values });
        throw error;
      }
    }
    let config = resolved.config;
    if (!live) {
      sandbox = await startSandbox(provider.data);
      config = { ...config, ...providersConfigFromEndpoints([sandbox]) };
      process.stderr.write(`saldo: demo mode: ${provider.data} is an in-process sandbox at ${sandbox.url}\n`);
    }
    const adapters = createProviderAdapters(config, { rateLimitMaxWaitMs: 60_000 });
    const result = await runOperation(adapters, provider.data, operation, values);
    output(JSON.stringify(result.ok ? { ok: true, value: result.value } : { ok: false, error: publicError(result.error) }));
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UnrecordedSpendRefused) {
      output(JSON.stringify({ ok: false, error: { code: 'forbidden', message: error.message, outcomeKnown: true, retrySameKeySafe: true } }));
      return 1;
    }
    const known = error instanceof UsageError || error instanceof MoneyError || error instanceof UnknownCountryError || error instanceof ProviderConfigError || error instanceof InsecureBaseUrlError || isParseArgsError(error);
    const message = error instanceof Error ? error.message : String(error);
    output(JSON.stringify({ ok: false, error: { code: known ? 'invalid_input' : 'internal', message, outcomeKnown: true, retrySameKeySafe: true } }));
    return 1;
  } finally {
    await sandbox?.close();
  }
}

function publicError(error: ProviderError): { code: string; message: string; outcomeKnown: boolean; retrySameKeySafe: boolean } {
  return { code: error.code, message: error.message, outcomeKnown: error.outcomeKnown, retrySameKeySafe: error.retrySameKeySafe };
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && typeof (error as { code?: unknown }).code === 'string' && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

const notSupported = (message: string): ProviderResult<never> => ({
  ok: false,
  error: { code: 'not_supported', message, outcomeKnown: true, retrySameKeySafe: true },
});

function need(flags: Flags, name: keyof Flags): string {
  const value = flags[name];
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(`--${name} is required`);
  return value;
}

function integer(flags: Flags, name: 'page' | 'limit' | 'offset'): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

async function runOperation(adapters: ProviderAdapters, provider: ProviderId, operation: Operation, flags: Flags): Promise<ProviderResult<unknown>> {
  const adapter: ProviderAdapter | undefined = adapters[provider];
  if (!adapter) throw new UsageError(`${provider} is not configured`);
  // Only top-up operations check the country against the table: billers are searched by the biller's country.
  const topupCountry = (): Country => requireCountry(flags.country ?? 'MX');
  switch (operation) {
    case 'health':
      return adapter.health();
    case 'balance':
      return adapter.balance();
    case 'carriers':
      return adapter.carriers(topupCountry().code);
    case 'catalog':
      return adapter.catalog(topupCountry().code, flags.carrier);
    case 'topup': {
      const key = flags.key ?? randomUUID();
      if (flags.amount === undefined && flags.sku === undefined) throw new UsageError('--amount or --sku is required');
      const country = topupCountry();
      return adapter.topup({
        idempotencyKey: key,
        reference: flags.reference ?? key,
        phone: need(flags, 'phone'),
        country: country.code,
        ...(flags.carrier ? { carrier: flags.carrier } : {}),
        ...(flags.amount !== undefined ? { amount: moneyFromMajor(flags.amount, country.saleCurrency) } : {}),
        ...(flags.sku ? { sku: flags.sku } : {}),
        preferAsync: flags.async === true,
      });
    }
    case 'status':
      if (!flags.id && !flags.key && !flags.reference) throw new UsageError('--id, --key or --reference is required');
      return adapter.status({
        ...(flags.id ? { providerTransactionId: flags.id } : {}),
        ...(flags.key ? { idempotencyKey: flags.key } : {}),
        ...(flags.reference ? { reference: flags.reference } : {}),
      });
    case 'billers': {
      const mobisend = adapters.mobisend;
      if (provider !== 'mobisend' || !mobisend) return notSupported(`${provider} offers no bill payment`);
      return mobisend.billers({
        ...(flags.search ? { search: flags.search } : {}),
        ...(flags.country ? { country: flags.country.toUpperCase() } : {}),
        ...(flags.category ? { category: flags.category } : {}),
        ...(integer(flags, 'page') !== undefined ? { page: integer(flags, 'page') } : {}),
        ...(integer(flags, 'limit') !== undefined ? { limit: integer(flags, 'limit') } : {}),
      });
    }
    case 'billpay':
      // Answered through the ledger before an operation runs (runLedgerBillPay); never a spend around it.
      throw new UsageError('billpay goes through the ledger');
    case 'orders': {
      const mobisend = adapters.mobisend;
      if (provider !== 'mobisend' || !mobisend) return notSupported(`${provider} offers no order history`);
      if (flags.status !== undefined && flags.status !== 'success' && flags.status !== 'failed') throw new UsageError('--status must be success or failed');
      return mobisend.orders({
        ...(flags.from ? { startDate: flags.from } : {}),
        ...(flags.to ? { endDate: flags.to } : {}),
        ...(flags.status ? { status: flags.status } : {}),
        ...(integer(flags, 'limit') !== undefined ? { limit: integer(flags, 'limit') } : {}),
        ...(integer(flags, 'offset') !== undefined ? { offset: integer(flags, 'offset') } : {}),
      });
    }
    case 'reconcile':
      if (!adapter.reconcile) return notSupported(`${provider} offers no reconciliation export`);
      return adapter.reconcile(need(flags, 'from'), need(flags, 'to'));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runProviderCommand(process.argv.slice(2)).then((code) => process.exit(code));
}
