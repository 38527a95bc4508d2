/**
 * Which screen a signed-in person asked for. The router (app/routes.tsx) decides what actually shows: a
 * route the person's role may not see, or anyone signed out, gets the role's home screen or sign-in.
 */
export type RouteId =
  | 'sell'
  | 'today'
  | 'diagnostics'
  // Issue 14 (more to sell)
  | 'international'
  | 'billpay'
  | 'pricing';

export interface NavigationState {
  route: RouteId;
}

export interface NavigationActions {
  go(route: RouteId): void;
}

export type NavigationSlice = NavigationState & NavigationActions;

/** Every screen the router can show: the routes a person can ask for, and sign-in. */
export type ScreenId = RouteId | 'sign-in';

/** A button in the status bar's sections: the route it opens and its label's translation key. */
export interface SectionLink {
  id: RouteId;
  section: string;
}
