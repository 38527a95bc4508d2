/** Which screen a signed-in person asked for; the router (app/routes.tsx) decides what they may see. */
import type { Slice } from '../../app/slice';
import type { TodayActions } from '../today/types';
import type { NavigationSlice, NavigationState } from './types';

/** Going to today's sales always brings the list up to date, even when it is already open. */
type NavigationNeeds = Pick<TodayActions, 'loadToday'>;

export const navigationInitialState: NavigationState = { route: 'sell' };

export const createNavigationSlice: Slice<NavigationSlice, NavigationNeeds> = (set, get) => ({
  ...navigationInitialState,
  go(route) {
    set({ route });
    if (route === 'today') void get().loadToday();
  },
});
