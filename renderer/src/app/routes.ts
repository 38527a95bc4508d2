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
  { id: 'reports', audience: ['owner'], section: 'backoffice.nav.open', tab: 'backoffice.nav.reports' },
  { id: 'shifts', audience: ['owner'], tab: 'backoffice.nav.shifts' },
  { id: 'refunds', audience: ['owner'], tab: 'backoffice.nav.refunds' },
  { id: 'providers', audience: ['owner'], tab: 'backoffice.nav.providers' },
  // A cashier's own drawer: open with a float, cash in and out, end with a blind count.
  { id: 'my-shift', audience: ['cashier'], section: 'backoffice.nav.myShift' },
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
  return visibleTo(audience).flatMap((route) => (route.section !== undefined && route.id !== 'sign-in' ? [{ id: route.id, section: route.section }] : []));
}

/** The back office's tabs this audience gets, in the table's order (none for a cashier or a technician). */
export function backofficeTabsFor(audience: Audience): { id: ScreenId; tab: string }[] {
  return visibleTo(audience).flatMap((route) => (route.tab !== undefined ? [{ id: route.id, tab: route.tab }] : []));
}

/** The status-bar section a screen belongs to: a back-office tab lights the back office's one button. */
export function sectionOf(screen: ScreenId): ScreenId {
  return ROUTES.find((route) => route.id === screen)?.tab !== undefined ? 'reports' : screen;
}
