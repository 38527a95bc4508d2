/**
 * The renderer's one way to main: typed calls over `window.saldo`, which the host provides (the Electron
 * preload or the browser host's bridge). Calls answer with the channel's output or throw a ClientError
 * carrying the contract's error code, which screens translate. Nothing else in the renderer touches
 * `window.saldo`.
 */
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/errors';
import type { SaldoBridge } from './types';

export class ClientError extends Error {
  override name = 'ClientError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

function bridge(): SaldoBridge {
  const found = window.saldo;
  if (!found) throw new ClientError('internal', 'No host bridge on window.saldo');
  return found;
}

export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const invoke = bridge().invoke[channel] as (input: ChannelInput<C>) => Promise<{ ok: true; value: ChannelOutput<C> } | { ok: false; error: { code: ErrorCode; message: string; issues?: string[] } }>;
  let answer: Awaited<ReturnType<typeof invoke>>;
  try {
    answer = await invoke(input);
  } catch (error) {
    // The host itself did not answer (the browser host stopped, a broken pipe): say so as a code.
    throw new ClientError('internal', error instanceof Error ? error.message : String(error));
  }
  if (answer.ok) return answer.value;
  throw new ClientError(answer.error.code, answer.error.message, answer.error.issues ?? []);
}

export function on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  const subscribe = bridge().subscribe[name] as (listener: (payload: EventPayload<E>) => void) => () => void;
  return subscribe(listener);
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ClientError ? error.code : 'internal';
}
