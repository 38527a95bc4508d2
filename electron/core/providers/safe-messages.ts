/**
 * The gate every provider answer passes on its way out of the providers layer: each error message (and a
 * failed top-up's reason) is redacted of credentials and token-shaped values, stripped of control characters
 * and capped in length, so a provider that echoes a key cannot put it into `sales.failure_message`, a
 * response, the renderer or CLI output. Adapters classify; this file alone cleans what they pass on.
 */
import { safeMessage } from '../kernel/redact';
import type { ProviderError } from './types';

function cleanError<E extends ProviderError>(error: E): E {
  return { ...error, message: safeMessage(error.message) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isProviderError(value: unknown): value is ProviderError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

/** A ProviderResult with its messages made safe; anything else passes through unchanged. */
export function safeResult<T>(result: T): T {
  if (!isRecord(result) || typeof result.ok !== 'boolean') return result;
  if (result.ok === false && isProviderError(result.error)) return { ...result, error: cleanError(result.error) };
  const value = result.value;
  if (result.ok === true && isRecord(value) && isProviderError(value.failure)) {
    return { ...result, value: { ...value, failure: cleanError(value.failure) } };
  }
  return result;
}

/** An adapter that threw: the same error, its message made safe (the sender stores it as the failure). */
function safeRejection(error: unknown): never {
  if (error instanceof Error) {
    const safe = new Error(safeMessage(error.message));
    safe.name = error.name;
    throw safe;
  }
  throw new Error(safeMessage(String(error)));
}

/** The adapter, with every asynchronous method's result (or thrown error) passed through the gate. */
export function withSafeMessages<A extends object>(adapter: A): A {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]): unknown => {
        const returned: unknown = Reflect.apply(member as (...a: unknown[]) => unknown, target, args);
        return returned instanceof Promise ? returned.then(safeResult, safeRejection) : returned;
      };
    },
  });
}
