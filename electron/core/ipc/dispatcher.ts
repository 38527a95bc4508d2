/**
 * The one place every contract call goes through, whichever host carried it (Electron IPC, the browser
 * host's HTTP, a test): look the channel up, parse the input with its zod schema, check access, call the
 * handler, and answer with an `{ ok, value } | { ok: false, error }` envelope. A bad input changes nothing
 * because no handler runs. Outputs are validated too where `validateOutputs` is on (development and tests),
 * so a handler that breaks its schema is caught before a renderer trusts it.
 */
import type { z } from 'zod';
import { channels, isChannelName, type ChannelName, type ChannelOutput, type ChannelParsedInput, type Envelope } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { User } from '../../../shared/contract/auth';
import type { AccessLevel } from '../../../shared/contract/define';
import type { Logger } from '../kernel/logger';

/** Which host an IPC call came through (the desktop app, the browser host, the command line, a test). */
export interface InvocationContext {
  host: 'electron' | 'browser' | 'cli' | 'test';
  /** Set by the dispatcher when a cashier called an owner channel with an owner's PIN (`ownerOverride: true`). */
  ownerOverride?: { ownerId: string };
}

export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
  context: InvocationContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };

export interface Dispatcher {
  invoke(channel: string, rawInput: unknown, context: InvocationContext): Promise<Envelope<unknown>>;
  /** Channels the contract declares that no module answers yet (must be empty when the app ships). */
  missingHandlers(): ChannelName[];
}

/** Who is signed in, as the dispatcher needs it. Declared here so ipc stays below auth, which owns the session. */
export interface SignedInUser {
  /** The signed-in user, or null (an idle session has ended by the time this answers). */
  current(): User | null;
  /** A call from the signed-in person: their idle time starts again. */
  touch(): void;
}

/** Checks an owner's PIN typed on the spot and records the override (auth's `verifyOwnerPin`). */
export type VerifyOwnerPin = (pin: string, action: string, requestedBy: string) => Promise<{ ownerId: string }>;

export interface DispatcherOptions {
  handlers: Partial<HandlerMap>;
  session: SignedInUser;
  /** Needed for channels with `ownerOverride: true`; without it a cashier's `ownerPin` is refused. */
  verifyOwnerPin?: VerifyOwnerPin;
  /**
   * When given, `verifyOwnerPin` only checks the PIN and this records the override, after the handler succeeded:
   * an override refused by the handler (the sale was not owed back, the shift was not counted) leaves no record.
   */
  recordOwnerOverride?: (ownerId: string, action: string, requestedBy: string) => void;
  logger: Logger;
  validateOutputs: boolean;
}

/** Which signed-in roles pass each access level: the one place the levels get their meaning. */
export function roleMayCall(role: User['role'], access: AccessLevel): boolean {
  switch (access) {
    case 'public':
    case 'cashier':
      return true;
    case 'owner':
      return role === 'owner';
    case 'tech':
      return role === 'owner' || role === 'tech';
  }
}

const FORBIDDEN_MESSAGES: Record<AccessLevel, string> = {
  public: '',
  cashier: '',
  owner: 'Only an owner may do this',
  tech: 'Only a technician or an owner may do this',
};

const INTERNAL_ERROR = { code: 'internal', message: 'Something went wrong inside Saldo; it was logged' } as const;

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`);
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { handlers, session, logger, validateOutputs } = options;

  /**
   * A cashier on an `ownerOverride` channel passes with an owner's PIN in the input: checked (a wrong one
   * counts toward the keypad's lock) and recorded by auth; the handler gets the owner's id, not the PIN.
   */
  async function overrideByOwnerPin(channel: ChannelName, input: unknown, user: User): Promise<{ ownerId: string } | null> {
    const pin = typeof input === 'object' && input !== null ? (input as { ownerPin?: unknown }).ownerPin : undefined;
    if (!channels[channel].ownerOverride || typeof pin !== 'string' || !options.verifyOwnerPin) return null;
    return options.verifyOwnerPin(pin, channel, user.id);
  }

  async function invoke(channel: string, rawInput: unknown, context: InvocationContext): Promise<Envelope<unknown>> {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `No such channel: ${channel.slice(0, 80)}` } };
    }
    const definition = channels[channel];
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${channel}`, issues: describeIssues(parsed.error) } };
    }
    const user = session.current();
    if (definition.access !== 'public' && !user) {
      return { ok: false, error: { code: 'unauthenticated', message: 'Sign in first' } };
    }
    if (user) session.touch();
    let callContext: InvocationContext = { host: context.host };
    let input: unknown = parsed.data;
    if (user && !roleMayCall(user.role, definition.access)) {
      let override: { ownerId: string } | null;
      try {
        override = await overrideByOwnerPin(channel, parsed.data, user);
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toShape() };
        logger.error('ipc.owner_override_crashed', { channel, error: error instanceof Error ? error.message : String(error) });
        return { ok: false, error: INTERNAL_ERROR };
      }
      if (!override) return { ok: false, error: { code: 'forbidden', message: FORBIDDEN_MESSAGES[definition.access] } };
      callContext = { ...callContext, ownerOverride: override };
      const { ownerPin: _typed, ...rest } = parsed.data as { ownerPin?: string };
      input = rest;
    }
    const handler = handlers[channel] as Handler<typeof channel> | undefined;
    if (!handler) {
      return { ok: false, error: { code: 'not_supported', message: `${channel} is not available in this build` } };
    }
    try {
      const value = await handler(input as never, callContext);
      if (validateOutputs) {
        const checked = definition.output.safeParse(value);
        if (!checked.success) {
          logger.error('ipc.invalid_output', { channel, issues: describeIssues(checked.error) });
          return { ok: false, error: { code: 'invalid_output', message: `Handler for ${channel} broke its schema`, issues: describeIssues(checked.error) } };
        }
      }
      if (callContext.ownerOverride && user) options.recordOwnerOverride?.(callContext.ownerOverride.ownerId, channel, user.id);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      logger.error('ipc.handler_crashed', { channel, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      return { ok: false, error: INTERNAL_ERROR };
    }
  }

  function missingHandlers(): ChannelName[] {
    return (Object.keys(channels) as ChannelName[]).filter((name) => !handlers[name]);
  }

  return { invoke, missingHandlers };
}
