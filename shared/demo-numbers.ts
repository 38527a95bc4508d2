/**
 * Demo mode's test numbers, as the sandboxes document them (README, "Demo mode and providers"): which provider
 * shows each behaviour, so the core sends a test number to that provider first and the demo sign-in screen can
 * list them. Only demo mode reads this; a real provider never sees these numbers from it.
 */
import type { ProviderId } from './contract/app';

export type DemoOutcome = 'succeeds' | 'fails' | 'possible_duplicate' | 'slow';

export interface DemoTestNumber {
  /** National digits, Mexico. */
  phone: string;
  provider: ProviderId;
  outcome: DemoOutcome;
}

export const DEMO_TEST_NUMBERS: readonly DemoTestNumber[] = [
  { phone: '5500000000', provider: 'relier', outcome: 'succeeds' },
  { phone: '5500000001', provider: 'relier', outcome: 'fails' },
  { phone: '5500000002', provider: 'mobisend', outcome: 'possible_duplicate' },
  { phone: '5500000003', provider: 'mobisend', outcome: 'slow' },
];

/** The provider that shows a Mexican test number's behaviour, or undefined for any other number. */
export function demoProviderFor(phone: string, country: string): ProviderId | undefined {
  return country === 'MX' ? DEMO_TEST_NUMBERS.find((entry) => entry.phone === phone)?.provider : undefined;
}
