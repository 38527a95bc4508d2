/** The object every host puts on `window.saldo`: one function per contract channel and per event. */
import type { ChannelInput, ChannelName, ChannelOutput, Envelope, EventName, EventPayload } from '../../../shared/contract';

export type SaldoBridge = {
  invoke: { [C in ChannelName]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>> };
  subscribe: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

declare global {
  interface Window {
    saldo?: SaldoBridge;
  }
}
