/**
 * The preload exposes exactly the contract, nothing else: one invoke function per channel and one subscribe
 * function per event, built from the allowlist the build injects from shared/contract. No ipcRenderer, no
 * Node. Inputs are validated in main, where zod lives, so this file stays tiny and sandbox-safe.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL } from '../../shared/contract/event-channel';

type Listener = (payload: unknown) => void;
const listenersByEvent = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listenersByEvent.get(name) ?? []) listener(payload);
});

const invoke: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const channel of __SALDO_CHANNELS__) {
  invoke[channel] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {});
}

const subscribe: Record<string, (listener: Listener) => () => void> = {};
for (const name of __SALDO_EVENTS__) {
  subscribe[name] = (listener: Listener) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const set = listenersByEvent.get(name) ?? new Set<Listener>();
    set.add(listener);
    listenersByEvent.set(name, set);
    return () => set.delete(listener);
  };
}

contextBridge.exposeInMainWorld('saldo', { invoke, subscribe });
