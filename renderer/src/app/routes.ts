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
}

// An owner sees what a cashier sees until the back office lands; a technician, who installs and diagnoses
// rather than sells, sees today's sales until the diagnostics screen lands.
export const ROUTES: readonly Route[] = [
  { id: 'sign-in', audience: ['signed-out'] },
  { id: 'sell', audience: ['cashier', 'owner'], section: 'nav.sell' },
  { id: 'today', audience: ['cashier', 'owner', 'tech'], section: 'nav.today' },
  { id: 'diagnostics', audience: ['owner', 'tech'], section: 'nav.diagnostics' },
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
  return visibleTo(audience).flatMap((route) => (route.section !== undefined && route.id !== 'sign-in' ? [{ id: route.id, section: route.section }] : []));
}
