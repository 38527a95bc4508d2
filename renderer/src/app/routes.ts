/**
 * The route table: every screen of the counter and who may see it. Signed out, only sign-in shows; signed in,
 * the screen the person asked for shows if their role may see it, otherwise their role's first screen (its
 * home). The owner's back office and the technician's screens are new rows here, each with its roles (and a
 * component in App's SCREENS); a route with a `section` also gets a button in the status bar's sections.
 */
import type { User } from '../../../shared/contract/auth';
import type { RouteId, ScreenId, SectionLink } from '../features/navigation/types';

/** Who is looking at the counter: a signed-in role, or nobody yet. */
export type Audience = User['role'] | 'signed-out';

export interface Route {
  id: ScreenId;
  /** The audiences that may see this screen. */
  audience: readonly Audience[];
  /** The translation key of its button in the status bar's sections, if it has one. */
  section?: string;
  /** A tab of a hub: the hub's one section button opens its first tab this audience may see. */
  hub?: 'admin' | 'backoffice';
  /** The translation key of its tab in the back office's own navigation, if it is a back-office screen. */
  tab?: string;
}

// A technician, who installs and diagnoses rather than sells, lands on today's sales.
export const ROUTES: readonly Route[] = [
  { id: 'sign-in', audience: ['signed-out'] },
  { id: 'sell', audience: ['cashier', 'owner'], section: 'nav.sell' },
  { id: 'today', audience: ['cashier', 'owner', 'tech'], section: 'nav.today' },
  { id: 'diagnostics', audience: ['owner', 'tech'], section: 'nav.diagnostics' },
  // The back office: one status-bar button (it opens Reports), then its own tabs, so the bar fits 1024 px.
  { id: 'reports', audience: ['owner'], hub: 'backoffice', section: 'backoffice.nav.open', tab: 'backoffice.nav.reports' },
  { id: 'shifts', audience: ['owner'], hub: 'backoffice', tab: 'backoffice.nav.shifts' },
  { id: 'refunds', audience: ['owner'], hub: 'backoffice', tab: 'backoffice.nav.refunds' },
  { id: 'providers', audience: ['owner'], hub: 'backoffice', tab: 'backoffice.nav.providers' },
  // A cashier's own drawer: open with a float, cash in and out, end with a blind count.
  { id: 'my-shift', audience: ['cashier'], section: 'backoffice.nav.myShift' },
  // Issue 10: the owner's settings and people; credentials also for the technician who installs the shop;
  // every signed-in person changes their own PIN. A cashier's hub is only "Mi PIN", so its button says so.
  { id: 'settings', audience: ['owner'], section: 'admin.section', hub: 'admin' },
  { id: 'people', audience: ['owner'], section: 'admin.section', hub: 'admin' },
  { id: 'credentials', audience: ['owner', 'tech'], section: 'admin.section', hub: 'admin' },
  { id: 'my-pin', audience: ['cashier', 'owner', 'tech'], section: 'admin.myPinSection', hub: 'admin' },
  // Issue 14 (more to sell): international top-ups and bill payments open from the tabs on the sell screens (no
  // section button, so the status bar keeps one row); the owner's exchange rate and markup.
  { id: 'international', audience: ['cashier', 'owner'] },
  { id: 'billpay', audience: ['cashier', 'owner'] },
  { id: 'pricing', audience: ['owner'] },
];

function visibleTo(audience: Audience): Route[] {
  return ROUTES.filter((route) => route.audience.includes(audience));
}

/** The screen that shows for this audience when it asked for `requested`. */
export function resolveRoute(requested: RouteId, audience: Audience): ScreenId {
  const visible = visibleTo(audience);
  const route = visible.find((candidate) => candidate.id === requested) ?? visible[0];
  // Only a role added to the contract without a row here gets this far: say so instead of a blank screen.
  if (!route) throw new Error(`Saldo: no screen for ${audience} in the route table`);
  return route.id;
}

/** The section buttons this audience gets, in the table's order. */
export function sectionsFor(audience: Audience): SectionLink[] {
  const visible = visibleTo(audience);
  return visible.flatMap((route) => (route.section !== undefined && route.id !== 'sign-in' && route.id !== 'setup' && isHubEntry(route, visible) ? [{ id: route.id, section: route.section }] : []));
}

/** A route outside any hub, or the first of its hub this audience sees (the one the section button opens). */
function isHubEntry(route: Route, visible: readonly Route[]): boolean {
  return route.hub === undefined || visible.find((candidate) => candidate.hub === route.hub) === route;
}

/** The tabs of the hub a screen belongs to, as this audience sees them (none for a screen outside a hub). */
export function hubTabsFor(screen: ScreenId, audience: Audience): Route[] {
  const hub = ROUTES.find((route) => route.id === screen)?.hub;
  return hub === undefined ? [] : visibleTo(audience).filter((route) => route.hub === hub);
}

/** The section button that stands for this screen: its hub's entry for a hub's tab, else the screen itself. */
export function sectionOf(screen: ScreenId, audience: Audience): ScreenId {
  return hubTabsFor(screen, audience)[0]?.id ?? screen;
}

/** The back office's tabs this audience gets, in the table's order (none for a cashier or a technician). */
export function backofficeTabsFor(audience: Audience): { id: ScreenId; tab: string }[] {
  return visibleTo(audience).flatMap((route) => (route.hub === 'backoffice' && route.tab !== undefined ? [{ id: route.id, tab: route.tab }] : []));
}
