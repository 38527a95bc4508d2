/** When "Saldo se actualizó de X a Y" shows: after an update, until dismissed on this kiosk, for a week at most. */
import { describe, expect, it } from 'vitest';
import { shouldShowWhatChanged, versionChangeKey } from '../../renderer/src/features/updates/what-changed';

const UPDATE = { from: '1.4.0', to: '1.5.0', at: '2026-11-28T09:00:00.000Z' };
const hoursAfter = (hours: number) => Date.parse(UPDATE.at) + hours * 3600_000;

describe('the "what changed" notice', () => {
  it('shows after an update nobody dismissed yet', () => {
    expect(shouldShowWhatChanged(UPDATE, null, hoursAfter(1))).toBe(true);
  });

  it('never shows on a kiosk that was never updated', () => {
    expect(shouldShowWhatChanged(undefined, null, hoursAfter(1))).toBe(false);
  });

  it('stays away once dismissed', () => {
    expect(shouldShowWhatChanged(UPDATE, versionChangeKey(UPDATE), hoursAfter(1))).toBe(false);
  });

  it('comes back for the next update even though the previous one was dismissed', () => {
    const next = { from: '1.5.0', to: '1.6.0', at: '2026-12-01T09:00:00.000Z' };
    expect(shouldShowWhatChanged(next, versionChangeKey(UPDATE), Date.parse(next.at) + 60_000)).toBe(true);
  });

  it('is old news after a week', () => {
    expect(shouldShowWhatChanged(UPDATE, null, hoursAfter(7 * 24 - 1))).toBe(true);
    expect(shouldShowWhatChanged(UPDATE, null, hoursAfter(7 * 24 + 1))).toBe(false);
  });

  it('a change time that does not parse never shows', () => {
    expect(shouldShowWhatChanged({ ...UPDATE, at: 'yesterday' }, null, hoursAfter(1))).toBe(false);
  });
});
