/**
 * Events the main side pushes to renderers (sale changed, queue size, connectivity...). Core modules emit;
 * each host forwards to its windows or its browser clients. Payloads are checked against the contract where
 * `validatePayloads` is on, so a malformed event fails a test instead of confusing a screen.
 */
import { events, type EventName, type EventPayload } from '../../../shared/contract';
import type { Logger } from '../kernel/logger';

export type EventListener = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(options: { logger: Logger; validatePayloads: boolean }): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      if (options.validatePayloads) {
        const checked = events[name].payload.safeParse(payload);
        if (!checked.success) {
          options.logger.error('events.invalid_payload', { name, issues: checked.error.issues.map((issue) => issue.message) });
          throw new Error(`event ${name} broke its schema`);
        }
      }
      for (const listener of listeners) {
        try {
          listener(name, payload);
        } catch (error) {
          options.logger.warn('events.listener_failed', { name, error: String(error) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
