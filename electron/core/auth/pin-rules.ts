/**
 * Which PINs a shop may give someone. A PIN alone names its person at sign-in, so it must be unique in the shop;
 * in live mode it must not be one anyone would try first. Checked for every new PIN (added user, reset, own change,
 * the first owner); the stored hashes are compared, never a PIN in clear.
 */
import { AppError } from '../../../shared/errors';
import { PIN_PATTERN } from './pins';

/**
 * Weak: one digit repeated (0000, 1111, 999999) or a simple run up or down the digits (1234, 23456, 9876,
 * 654321). The demo PINs 1234 and 4321 are both runs, so a live shop never has them either.
 */
export function isWeakPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, index) => digit - (digits[index] as number));
  return steps.every((step) => step === 0) || steps.every((step) => step === 1) || steps.every((step) => step === -1);
}

/** Why a PIN may not be used, or null. Strict: a live shop (or one that left demo mode) refuses weak PINs. */
export function pinProblem(pin: string, strict: boolean): AppError | null {
  if (!PIN_PATTERN.test(pin)) return new AppError('invalid_input', 'A PIN is 4 to 6 digits', ['pin: 4 to 6 digits']);
  if (strict && isWeakPin(pin)) {
    return new AppError('weak_pin', 'That PIN is too easy to guess: one digit repeated or a run such as 1234 or 9876', ['pin: too easy to guess']);
  }
  return null;
}

export const pinTakenError = (): AppError => new AppError('pin_taken', 'Someone else in the shop already has that PIN; choose another', ['pin: already taken']);
