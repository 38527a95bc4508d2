/**
 * Which screen a signed-in person asked for. The router (app/routes.tsx) decides what actually shows: a
 * route the person's role may not see, or anyone signed out, gets the role's home screen or sign-in.
 */
export type RouteId = 'sell' | 'today' | 'diagnostics' | AdminRouteId | BackofficeRouteId | SellMoreRouteId;

/** Issue 14 (more to sell): international top-ups and bill payments (tabs of the sell screen), the owner's pricing. */
export type SellMoreRouteId = 'international' | 'billpay' | 'pricing';

/** The owner's (and the technician's) screens of issue 10, shown as tabs of one "Ajustes" section. */
export type AdminRouteId = 'settings' | 'people' | 'credentials' | 'my-pin';

/** The owner's back office (Reports, Shifts and cash, Refunds, Providers) and a cashier's own shift. */
export type BackofficeRouteId = 'reports' | 'shifts' | 'refunds' | 'providers' | 'my-shift';

export interface NavigationState {
  route: RouteId;
}

export interface NavigationActions {
  go(route: RouteId): void;
}

export type NavigationSlice = NavigationState & NavigationActions;

/** Every screen the router can show: the routes a person can ask for, and sign-in. */
export type ScreenId = RouteId | 'sign-in' | 'setup';

/** A button in the status bar's sections: the route it opens and its label's translation key. */
export interface SectionLink {
  id: RouteId;
  section: string;
}
