/** What a sandbox can be started with. Defaults suit demo use; tests scale delays and windows down. */
export interface SandboxOptions {
  /** 0 (default) picks a free port. The host is always 127.0.0.1. */
  port?: number;
  /** Override the generated credentials (e.g. to keep them across restarts). */
  credentials?: Record<string, string>;
  /** Starting prepaid balance in USD (default 10,000: the document's $200 is gone after a day of demo sales). */
  startingBalanceUsd?: number;
  /** Relier's reported credit limit in USD (default: the starting balance). */
  creditLimitUsd?: number;
  /** How long an asynchronous top-up stays PENDING / IN_PROGRESS (default 1,500 ms). */
  asyncDelayMs?: number;
  /** Multiplies every rate window (0.001: a minute becomes 60 ms). Default 1. */
  rateWindowScale?: number;
  /** Turn the documented rate limits off (default on). */
  rateLimits?: boolean;
  /** Relier's per-number daily volume in MXN (default 200,000). */
  dailyLimitMxn?: number;
  /** How long MobiSend replays an Idempotency-Key (default 24 h). */
  idempotencyTtlMs?: number;
  /** Decimal text, MXN per USD (Relier 17.0068, MobiSend 17.50). */
  exchangeRate?: string;
}

export const DEFAULT_STARTING_BALANCE_USD = 10_000;
export const DEFAULT_ASYNC_DELAY_MS = 1_500;
