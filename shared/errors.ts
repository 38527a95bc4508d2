/**
 * The error codes every boundary speaks: the IPC contract, the command line and the provider adapters.
 * Codes are stable (documented in the README); people see them translated by the renderer's i18n.
 */
import { z } from 'zod';

/** What went wrong when talking to a provider, classified once, in the adapter. */
export const PROVIDER_ERROR_CODES = [
  'invalid_input',
  'bad_credentials',
  'insufficient_balance',
  'rate_limited',
  'daily_limit',
  'number_rejected',
  'possible_duplicate',
  'provider_error',
  'outcome_unknown',
  'unexpected_response',
  'not_supported',
  // Issue 14: the biller refused the account number.
  'account_rejected',
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

/** Errors of the app itself, at the IPC boundary and in the core. */
export const APP_ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'unauthenticated',
  'not_found',
  'conflict',
  'invalid_output',
  'offline_not_allowed',
  'no_provider',
  /** A sale to this number is still unresolved: selling again could deliver twice (an owner may override). */
  'resell_blocked',
  /** The same number and amount was sold moments ago: the cashier must confirm it is really another one. */
  'repeat_unconfirmed',
  /** A payment to this biller and account is still unresolved: paying again could pay the bill twice. */
  'bill_unresolved',
  'internal',
  // People, set-up and credentials (issue 10).
  /** A PIN anyone could guess (one digit repeated, 1234, 9876…): refused in live mode. */
  'weak_pin',
  /** Someone else in the shop already has that PIN (a PIN names its person at sign-in). */
  'pin_taken',
  /** The PIN typed twice differs. */
  'pin_mismatch',
  /** The PIN typed as one's own old PIN is not it. */
  'wrong_pin',
  /** The last active owner cannot be disabled: nobody could pay out refunds or change settings. */
  'last_owner',
  /** The provider has no credentials (neither environment nor stored). */
  'not_configured',
  /** The provider refused this shop's IP address (not on its allow list). */
  'ip_not_allowed',
  /** The provider's address did not answer (no connection, DNS, timeout). */
  'provider_unreachable',
  /** A provider address that is not HTTPS (only this machine may use plain http). */
  'insecure_url',
  /** The shop cannot sell yet: set-up is not finished (an owner and a configured provider). */
  'setup_required',
  // Back office (issue 13): shifts and the day close.
  /** Selling or moving cash needs an open shift, and the owner chose not to open one automatically. */
  'no_open_shift',
  /** The count differs from the expected cash beyond the owner's tolerance: the owner's PIN and a note are needed. */
  'difference_needs_owner',
  // Issue 14: nothing priced in USD can be sold before the owner sets a rate; the price changed after the quote.
  'pricing_not_set',
  'quote_changed',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export const ERROR_CODES = [...new Set([...PROVIDER_ERROR_CODES, ...APP_ERROR_CODES])] as const;
export type ErrorCode = ProviderErrorCode | AppErrorCode;

export const ErrorCodeSchema = z.enum(ERROR_CODES as unknown as [ErrorCode, ...ErrorCode[]]);

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** English, for logs and the command line; the renderer shows its own translation of `code`. */
  message: z.string(),
  /** Field-level problems of an invalid input, as "path: problem". */
  issues: z.array(z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

/** An error that crosses a boundary as `{ code, message }`. Throw it from handlers for expected failures. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
  }

  toShape(): AppErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export type Result<T, E = AppErrorShape> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
