/** One bar pair of a back-office chart: a period's figure beside the previous period's, with their counts. */
import type { Money } from '../../../../shared/money';

export interface ComparisonRow {
  /** What the bar is (an hour, a day, a carrier), as shown. */
  label: string;
  current: Money;
  previous: Money;
  currentCount: number;
  previousCount: number;
}
