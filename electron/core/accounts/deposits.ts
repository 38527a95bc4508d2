/**
 * Deposits the owner made to a provider account: recorded once (amount, currency, business day, bank reference),
 * with a journal entry `deposit.recorded` in the same transaction. The same bank reference twice for a provider is
 * refused (`conflict`); a deposit dated in the future or in a currency the account does not keep is `invalid_input`.
 */
import { randomUUID } from 'node:crypto';
import type { ProviderId } from '../../../shared/contract/app';
import type { Deposit, DepositInput } from '../../../shared/contract/accounts';
import { AppError } from '../../../shared/errors';
import { minorDigits } from '../../../shared/money';
import type { Journal } from '../journal/journal';
import type { DayWindow } from './reconcile';
import type { AccountsRepository, DepositRow } from './repository';

export interface DepositDeps {
  repository: AccountsRepository;
  journal: Journal;
  clock: () => Date;
  today: () => DayWindow;
  window: (date: string) => DayWindow;
}

export function toDeposit(row: DepositRow): Deposit {
  return {
    id: row.id,
    provider: row.provider as ProviderId,
    amount: { minor: row.amount_minor, currency: row.currency },
    date: row.business_day,
    reference: row.reference,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    journalSeq: row.journal_seq,
  };
}

export function addDeposit(deps: DepositDeps, input: DepositInput, actorId: string): Deposit {
  try {
    minorDigits(input.amount.currency);
  } catch {
    throw new AppError('invalid_input', `${input.amount.currency} is not a currency Saldo keeps`);
  }
  const today = deps.today();
  const date = input.date ?? today.date;
  if (date > today.date) throw new AppError('invalid_input', `a deposit cannot be dated after today (${today.date})`);
  const accountCurrency = deps.repository.lastReading(input.provider)?.balance.currency;
  if (accountCurrency && accountCurrency !== input.amount.currency) {
    throw new AppError('invalid_input', `the ${input.provider} account is kept in ${accountCurrency}, not ${input.amount.currency}`);
  }
  const now = deps.clock();
  // Today's deposit counts from now; an earlier day's from that day's start (the float check compares readings).
  const effectiveMs = date === today.date ? now.getTime() : deps.window(date).startMs;
  return deps.repository.transaction(() => {
    if (deps.repository.depositByReference(input.provider, input.reference)) {
      throw new AppError('conflict', `a ${input.provider} deposit with reference "${input.reference}" is already recorded`);
    }
    const id = randomUUID();
    const entry = deps.journal.append({
      kind: 'deposit.recorded',
      actorId,
      subject: input.provider,
      detail: { depositId: id, amount: input.amount, date, reference: input.reference },
    });
    const row: DepositRow = {
      id,
      provider: input.provider,
      amount_minor: input.amount.minor,
      currency: input.amount.currency,
      business_day: date,
      effective_ms: effectiveMs,
      reference: input.reference,
      recorded_at: now.toISOString(),
      recorded_by: actorId,
      journal_seq: entry.seq,
    };
    deps.repository.insertDeposit(row);
    return toDeposit(row);
  });
}
