/** The contract channels a bill payment uses: biller search, the fee and total in pesos, paying. */
import type { ChannelInput } from '../../../../shared/contract';
import { call } from '../../bridge/client';

export const billpayService = {
  billers: (search: string, page = 1) => call('billpay.billers', { search, page }),
  quote: (input: ChannelInput<'billpay.quote'>) => call('billpay.quote', input),
  pay: (input: ChannelInput<'billpay.pay'>) => call('billpay.pay', input),
};
