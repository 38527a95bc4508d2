/**
 * The pieces a drawer is counted in, per currency, largest first (Banco de México's bills and coins in
 * circulation for MXN). A currency without a list is counted as one amount.
 */
import type { Currency } from '../../../../shared/money';

const DENOMINATIONS_MINOR: Record<string, readonly number[]> = {
  MXN: [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50],
};

export function denominationsOf(currency: Currency): readonly number[] {
  return DENOMINATIONS_MINOR[currency] ?? [];
}

/** Pieces × value summed, in minor units; a blank or unreadable count is zero pieces. */
export function countedMinor(counts: Readonly<Record<number, string>>, units: readonly number[]): number {
  return units.reduce((total, unit) => total + unit * piecesOf(counts[unit]), 0);
}

export function piecesOf(text: string | undefined): number {
  const trimmed = (text ?? '').trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : 0;
}
