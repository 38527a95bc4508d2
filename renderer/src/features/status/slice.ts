/** The status bar's facts, kept live by contract events: connectivity, queue, refunds owed, balances. */
import type { Slice } from '../../app/slice';
import { providerName } from '../../format';
import type { SessionState } from '../session/types';
import { statusService } from './service';
import type { StatusSlice, StatusState } from './types';

/** The queue and balances are only asked for while someone is signed in. */
type StatusNeeds = Pick<SessionState, 'user'>;

export const statusInitialState: StatusState = { connectivity: null, queue: null, balances: null };

export const createStatusSlice: Slice<StatusSlice, StatusNeeds> = (set, get) => ({
  ...statusInitialState,
  async refreshStatus() {
    const [connectivity, queue, balances] = await Promise.allSettled([statusService.connectivity(), get().user ? statusService.queue() : Promise.reject(new Error('signed out')), get().user ? statusService.balances() : Promise.reject(new Error('signed out'))]);
    set({
      ...(connectivity.status === 'fulfilled' ? { connectivity: connectivity.value } : {}),
      ...(queue.status === 'fulfilled' ? { queue: queue.value } : {}),
      ...(balances.status === 'fulfilled' ? { balances: balances.value } : {}),
    });
  },
  connectivityChanged: (connectivity) => set({ connectivity }),
  queueChanged: (queue) => set({ queue }),
  balancesChanged: (balances) => set({ balances }),
});

export const statusSelectors = {
  online: (state: StatusState): boolean | null => (state.connectivity ? state.connectivity.online : null),
  queued: (state: StatusState): number => state.queue?.queued ?? 0,
  refundDue: (state: StatusState): number => state.queue?.refundDue ?? 0,
  unreachableProviders: (state: StatusState): string[] => (state.connectivity?.providers ?? []).filter((provider) => !provider.reachable).map((provider) => providerName(provider.id)),
  /** Sales the provider has not answered yet (pending or unknown), as the core counts them. */
  verifying: (state: StatusState): number => state.queue?.awaitingProvider ?? 0,
  /** Providers whose request budget holds the next request back, with when it goes (pacedUntil). */
  pacedProviders: (connectivity: StatusState['connectivity']): Array<{ name: string; until: string }> =>
    (connectivity?.providers ?? []).flatMap((provider) => (provider.pacedUntil ? [{ name: providerName(provider.id), until: provider.pacedUntil }] : [])),
  lowBalanceProviders: (state: StatusState): string[] => (state.balances?.balances ?? []).filter((balance) => balance.low).map((balance) => providerName(balance.provider)),
};
