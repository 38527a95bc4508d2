/**
 * The shop's set-up from a terminal (issue 10), one JSON line out, exit status 0 or 1, through the same channels
 * as the screens (the command line acts as an owner-level operator, see withCore):
 *
 *   setup --shop-name "…" --owner-name "…" --owner-pin NNNN [--timezone America/Mexico_City]
 *       one shot: shop, business day and the owner; refused (conflict) once the shop has an owner of its own.
 *       From demo mode it leaves demo first (the demo users stop signing in once the owner exists).
 *   users list | users add --name "…" --role cashier|owner|tech --pin NNNN | users disable --id ID
 *   users reset-pin --id ID --pin NNNN                      (never prints a PIN or a hash)
 *   settings get | settings set KEY VALUE                   VALUE is JSON where it parses as JSON, else text
 *   credentials list | credentials set <provider> --url … --api-key … [--customer-id …] [--reconcile-key …]
 *       [--access-token …]   a value "-" is read from standard input (one line), so it stays out of the shell history
 *   credentials test <provider> | credentials remove <provider>
 */
import { parseArgs } from 'node:util';
import type { Envelope } from '../../shared/contract';
import { ProviderIdSchema } from '../../shared/contract/app';
import type { SetupStatus } from '../../shared/contract/setup';
import type { SaldoCore } from '../core/runtime';
import { withCore } from './ledger-commands';

export const SHOP_COMMANDS = ['setup', 'users', 'settings', 'credentials'] as const;
export type ShopCommand = (typeof SHOP_COMMANDS)[number];

type Output = (line: string) => void;
type Flags = Record<string, string | boolean | undefined>;
/** Reads what was piped to standard input (a secret typed with "-"). */
export type ReadStdin = () => Promise<string>;

const stdout: Output = (line) => process.stdout.write(`${line}\n`);

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

class UsageError extends Error {}

export function isShopCommand(command: string): command is ShopCommand {
  return (SHOP_COMMANDS as readonly string[]).includes(command);
}

/** One line: the answer's fields beside `ok` (`{"ok":true,"user":{…}}`), or under `key` when given. */
function print(output: Output, answer: Envelope<unknown>, key?: string): number {
  if (!answer.ok) {
    output(JSON.stringify({ ok: false, error: answer.error }));
    return 1;
  }
  output(JSON.stringify(key ? { ok: true, [key]: answer.value } : { ...(answer.value as object), ok: true }));
  return 0;
}

const call = (core: SaldoCore, channel: string, input: unknown) => core.dispatcher.invoke(channel, input, { host: 'cli' });

function text(flags: Flags, name: string, required: true): string;
function text(flags: Flags, name: string, required?: false): string | undefined;
function text(flags: Flags, name: string, required = false): string | undefined {
  const value = flags[name];
  if (typeof value === 'string') return value;
  if (required) throw new UsageError(`--${name} is required`);
  return undefined;
}

async function setup(flags: Flags, output: Output): Promise<number> {
  const shopName = text(flags, 'shop-name', true);
  const ownerName = text(flags, 'owner-name', true);
  const pin = text(flags, 'owner-pin', true);
  return withCore(async (core) => {
    let status = (await call(core, 'setup.status', {})) as Envelope<SetupStatus>;
    if (status.ok && status.value.steps?.owner) {
      output(JSON.stringify({ ok: false, error: { code: 'conflict', message: 'This shop already has an owner; add people with `users add`' } }));
      return 1;
    }
    if (status.ok && !status.value.needed && status.value.mode === 'demo') status = (await call(core, 'setup.leaveDemo', {})) as Envelope<SetupStatus>;
    const steps: Array<[string, unknown]> = [
      ['setup.save', { step: 'shop', shop: { name: shopName, address: '' } }],
      ...(flags.timezone !== undefined ? [['setup.save', { step: 'businessDay', timeZone: text(flags, 'timezone'), dayStartHour: 0 }] as [string, unknown]] : []),
      ['setup.createOwner', { name: ownerName, pin, pinAgain: pin }],
    ];
    let owner: unknown = null;
    for (const [channel, input] of steps) {
      const answer = await call(core, channel, input);
      if (!answer.ok) return print(output, answer, 'setup');
      if (channel === 'setup.createOwner') owner = (answer.value as { user: unknown }).user;
    }
    const after = await call(core, 'setup.status', {});
    output(JSON.stringify({ ok: true, owner, setup: after.ok ? after.value : null }));
    return 0;
  });
}

async function users(sub: string | undefined, flags: Flags, output: Output): Promise<number> {
  const request = ((): [string, unknown] => {
    switch (sub) {
      case 'list':
        return ['users.list', {}];
      case 'add':
        return ['users.add', { name: text(flags, 'name', true), role: text(flags, 'role', true), pin: text(flags, 'pin', true) }];
      case 'disable':
        return ['users.disable', { id: text(flags, 'id', true) }];
      case 'reset-pin':
        return ['users.resetPin', { id: text(flags, 'id', true), pin: text(flags, 'pin', true) }];
      default:
        throw new UsageError('users needs list, add, disable or reset-pin');
    }
  })();
  return withCore(async (core) => print(output, await call(core, ...request)));
}

/** A value as typed: JSON where it reads as JSON (80, true, {"name":…}), otherwise the text itself (Gracias, en). */
function settingValue(typed: string): unknown {
  try {
    return JSON.parse(typed) as unknown;
  } catch {
    return typed;
  }
}

async function settings(positionals: string[], output: Output): Promise<number> {
  const [sub, key, value, ...extra] = positionals;
  if (sub === 'get' && key === undefined) return withCore(async (core) => print(output, await call(core, 'settings.values', {}), 'settings'));
  if (sub !== 'set' || key === undefined || value === undefined || extra.length > 0) throw new UsageError('settings get | settings set KEY VALUE');
  return withCore(async (core) => {
    const answer = await call(core, 'settings.update', { [key]: settingValue(value) });
    return print(output, answer.ok ? { ok: true, value: { changed: (answer.value as { changed: string[] }).changed, [key]: (answer.value as { values: Record<string, unknown> }).values[key] } } : answer, 'settings');
  });
}

const SECRET_FLAGS = { 'api-key': 'apiKey', 'customer-id': 'customerId', 'reconcile-key': 'reconcileKey', 'access-token': 'accessToken' } as const;

async function credentials(positionals: string[], flags: Flags, output: Output, readStdin: ReadStdin): Promise<number> {
  const [sub, providerText, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(' ')}`);
  if (sub === 'list' && providerText === undefined) return withCore(async (core) => print(output, await call(core, 'credentials.list', {})));
  const provider = ProviderIdSchema.safeParse(providerText);
  if (!provider.success) throw new UsageError('credentials set|test|remove <relier|mobisend|liquido>');
  if (sub === 'test') return withCore(async (core) => print(output, await call(core, 'credentials.test', { provider: provider.data })));
  if (sub === 'remove') return withCore(async (core) => print(output, await call(core, 'credentials.remove', { provider: provider.data })));
  if (sub !== 'set') throw new UsageError('credentials list | set | test | remove');
  const input: Record<string, unknown> = { provider: provider.data, baseUrl: text(flags, 'url', true) };
  const fromStdin = Object.keys(SECRET_FLAGS).filter((flag) => flags[flag] === '-');
  if (fromStdin.length > 1) throw new UsageError('only one value can come from standard input ("-")');
  for (const [flag, field] of Object.entries(SECRET_FLAGS)) {
    const typed = text(flags, flag);
    if (typed !== undefined) input[field] = typed === '-' ? (await readStdin()).trim() : typed;
  }
  return withCore(async (core) => print(output, await call(core, 'credentials.set', input)));
}

const OPTIONS = {
  'shop-name': { type: 'string' },
  'owner-name': { type: 'string' },
  'owner-pin': { type: 'string' },
  timezone: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  pin: { type: 'string' },
  id: { type: 'string' },
  url: { type: 'string' },
  'api-key': { type: 'string' },
  'customer-id': { type: 'string' },
  'reconcile-key': { type: 'string' },
  'access-token': { type: 'string' },
} as const;

/** Runs one of the shop's commands; prints one JSON line and answers the exit status. */
export async function runShopCommand(command: ShopCommand, args: string[], output: Output = stdout, readStdin: ReadStdin = readProcessStdin): Promise<number> {
  try {
    const parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    const flags = parsed.values as Flags;
    const positionals = parsed.positionals;
    switch (command) {
      case 'setup':
        if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}`);
        return await setup(flags, output);
      case 'users':
        if (positionals.length !== 1) throw new UsageError('users list | add | disable | reset-pin');
        return await users(positionals[0], flags, output);
      case 'settings':
        return await settings(positionals, output);
      case 'credentials':
        return await credentials(positionals, flags, output, readStdin);
    }
  } catch (error) {
    const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    output(JSON.stringify({ ok: false, error: { code: usage ? 'invalid_input' : 'internal', message: error instanceof Error ? error.message : String(error) } }));
    return 1;
  }
}
