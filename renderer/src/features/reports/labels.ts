/** How a report's group keys read on the screen and in the charts. */
import type { ReportGrouping } from '../../../../shared/contract/backoffice';
import { providerName } from '../../format';

/**
 * A group's key as a person reads it: a provider's name; the signed-in person's name for their own id. Other
 * cashiers show the start of their id (the report carries ids, not names); hours and days as the core labels them.
 */
export function groupLabel(by: ReportGrouping, key: string, me: { id: string; name: string } | null): string {
  if (by === 'provider') return providerName(key);
  if (by === 'cashier') return me && me.id === key ? me.name : key.slice(0, 8);
  return key;
}
