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
  /** Set by the dispatcher on an `ownerOverride` channel when a cashier's `ownerPin` checked out: the owner who let it through. */
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
  current(): User | null;
}

export interface DispatcherOptions {
  handlers: Partial<HandlerMap>;
  session: SignedInUser;
  logger: Logger;
  validateOutputs: boolean;
}

/** Which signed-in roles pass each access level: the one place the levels get their meaning. */
function roleMayCall(role: string, access: AccessLevel): boolean {
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

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`);
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { handlers, session, logger, validateOutputs } = options;

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
    if (user && !roleMayCall(user.role, definition.access)) {
      return { ok: false, error: { code: 'forbidden', message: FORBIDDEN_MESSAGES[definition.access] } };
    }
    const handler = handlers[channel] as Handler<typeof channel> | undefined;
    if (!handler) {
      return { ok: false, error: { code: 'not_supported', message: `${channel} is not available in this build` } };
    }
    try {
      const value = await handler(parsed.data as never, context);
      if (validateOutputs) {
        const checked = definition.output.safeParse(value);
        if (!checked.success) {
          logger.error('ipc.invalid_output', { channel, issues: describeIssues(checked.error) });
          return { ok: false, error: { code: 'invalid_output', message: `Handler for ${channel} broke its schema`, issues: describeIssues(checked.error) } };
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      logger.error('ipc.handler_crashed', { channel, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Saldo; it was logged' } };
    }
  }

  function missingHandlers(): ChannelName[] {
    return (Object.keys(channels) as ChannelName[]).filter((name) => !handlers[name]);
  }

  return { invoke, missingHandlers };
}
