/**
 * `window.saldo` for the browser host: the same shape the Electron preload exposes, carried over loopback
 * HTTP (POST /api/invoke/<channel>) and Server-Sent Events (/api/events), with the token the host printed.
 * The names come from the contract, so this bridge declares none of its own.
 */
import { channelNames, eventNames } from '../../../shared/contract';
import type { SaldoBridge } from './types';

type Listener = (payload: unknown) => void;

export function installHttpBridge(token: string, baseUrl: string = window.location.origin): SaldoBridge {
  const listenersByEvent = new Map<string, Set<Listener>>();
  const source = new EventSource(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message: MessageEvent<string>) => {
    const { name, payload } = JSON.parse(message.data) as { name: string; payload: unknown };
    for (const listener of listenersByEvent.get(name) ?? []) listener(payload);
  };

  const invoke: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const channel of channelNames) {
    invoke[channel] = async (input?: unknown) => {
      const response = await fetch(`${baseUrl}/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return response.json();
    };
  }

  const subscribe: Record<string, (listener: Listener) => () => void> = {};
  for (const name of eventNames) {
    subscribe[name] = (listener: Listener) => {
      const set = listenersByEvent.get(name) ?? new Set<Listener>();
      set.add(listener);
      listenersByEvent.set(name, set);
      return () => set.delete(listener);
    };
  }

  const bridge = Object.freeze({ invoke: Object.freeze(invoke), subscribe: Object.freeze(subscribe) }) as unknown as SaldoBridge;
  Object.defineProperty(window, 'saldo', { value: bridge, writable: false, configurable: false });
  return bridge;
}
