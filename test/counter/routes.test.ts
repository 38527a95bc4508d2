import { describe, expect, it } from 'vitest';
import { backofficeTabsFor, resolveRoute, sectionsFor } from '../../renderer/src/app/routes';
import { RoleSchema } from '../../shared/contract/auth';

describe('who sees which screen', () => {
  // Written by hand from what the counter should do, not read from the route table.
  it.each([
    { audience: 'signed-out', asked: 'sell', shows: 'sign-in' },
    { audience: 'signed-out', asked: 'today', shows: 'sign-in' },
    { audience: 'cashier', asked: 'sell', shows: 'sell' },
    { audience: 'cashier', asked: 'today', shows: 'today' },
    { audience: 'owner', asked: 'sell', shows: 'sell' },
    { audience: 'owner', asked: 'today', shows: 'today' },
    { audience: 'owner', asked: 'diagnostics', shows: 'diagnostics' },
    { audience: 'cashier', asked: 'diagnostics', shows: 'sell' },
    { audience: 'signed-out', asked: 'diagnostics', shows: 'sign-in' },
    // Issue 10: settings and people are the owner's; credentials the owner's and the technician's; a cashier
    // never sees them, only their own PIN.
    { audience: 'owner', asked: 'settings', shows: 'settings' },
    { audience: 'owner', asked: 'people', shows: 'people' },
    { audience: 'tech', asked: 'credentials', shows: 'credentials' },
    { audience: 'tech', asked: 'people', shows: 'today' },
    { audience: 'cashier', asked: 'settings', shows: 'sell' },
    { audience: 'cashier', asked: 'people', shows: 'sell' },
    { audience: 'cashier', asked: 'credentials', shows: 'sell' },
    { audience: 'cashier', asked: 'my-pin', shows: 'my-pin' },
    { audience: 'signed-out', asked: 'settings', shows: 'sign-in' },
    // The back office (issue 13): the owner's; a cashier has only their own shift; a technician neither.
    { audience: 'owner', asked: 'reports', shows: 'reports' },
    { audience: 'owner', asked: 'shifts', shows: 'shifts' },
    { audience: 'owner', asked: 'refunds', shows: 'refunds' },
    { audience: 'owner', asked: 'providers', shows: 'providers' },
    { audience: 'cashier', asked: 'reports', shows: 'sell' },
    { audience: 'cashier', asked: 'refunds', shows: 'sell' },
    { audience: 'cashier', asked: 'my-shift', shows: 'my-shift' },
    { audience: 'owner', asked: 'my-shift', shows: 'sell' },
    { audience: 'tech', asked: 'providers', shows: 'today' },
    { audience: 'signed-out', asked: 'reports', shows: 'sign-in' },
  ] as const)('$audience asking for $asked sees $shows', ({ audience, asked, shows }) => {
    expect(resolveRoute(asked, audience)).toBe(shows);
  });

  it.each([
    { audience: 'signed-out', sections: [] },
    { audience: 'cashier', sections: ['sell', 'today', 'my-shift', 'my-pin'] },
    { audience: 'owner', sections: ['sell', 'today', 'diagnostics', 'reports', 'settings'] },
    { audience: 'tech', sections: ['today', 'diagnostics', 'credentials'] },
  ] as const)('$audience gets the sections $sections', ({ audience, sections }) => {
    expect(sectionsFor(audience).map((section) => section.id)).toEqual(sections);
  });

  it('only the owner gets the back office tabs, in order', () => {
    expect(backofficeTabsFor('owner').map((tab) => tab.id)).toEqual(['reports', 'shifts', 'refunds', 'providers']);
    expect(backofficeTabsFor('cashier')).toEqual([]);
    expect(backofficeTabsFor('tech')).toEqual([]);
  });

  it('every role the contract knows has a screen to land on', () => {
    for (const role of RoleSchema.options) expect(() => resolveRoute('sell', role)).not.toThrow();
  });
});
