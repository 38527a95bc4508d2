/**
 * Money with its currency's code when it is not what the counter sells in: the providers keep the shop's
 * balance in US dollars, and "$10,000.00" alone would read as pesos.
 */
import type { Language } from '../../../../shared/contract/receipts';
import type { Money } from '../../../../shared/money';
import { money } from '../../format';
import { SHOP_CURRENCY } from './amounts';

export function moneyLabeled(amount: Money, language: Language): string {
  return amount.currency === SHOP_CURRENCY ? money(amount, language) : `${money(amount, language)} ${amount.currency}`;
}
