/**
 * Client-side rate limiting as the providers document it. A RateWindow counts requests in a sliding window;
 * a RateLimiter takes a slot in every one of its windows at once, so a Relier top-up can count against both
 * "200 top-ups a minute" and "300 API requests per 15 minutes" while a balance read counts only against the latter.
 * `timeScale` shrinks every window (0.001 turns a minute into 60 ms) so tests and benchmarks run fast.
 */
import type { ProviderId } from '../../../shared/contract/app';

export interface RateWindowSpec {
  limit: number;
  windowMs: number;
}

export class RateWindow {
  private readonly stamps: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`rate window must be positive, got ${windowMs}`);
  }

  /** The earliest moment (epoch ms) at which one more request fits. */
  freeAt(now: number): number {
    this.prune(now);
    if (this.stamps.length < this.limit) return now;
    const oldest = this.stamps[this.stamps.length - this.limit] ?? now;
    return oldest + this.windowMs;
  }

  record(now: number): void {
    this.stamps.push(now);
  }

  reset(): void {
    this.stamps.length = 0;
  }

  private prune(now: number): void {
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= now - this.windowMs) this.stamps.shift();
  }
}

/**
 * Epoch-like milliseconds that never jump: wall-clock corrections (NTP, a VM's clock) must not open or close
 * rate windows. Values stay comparable with Date.now() for `retryAt`.
 */
export const monotonicNow = (): number => performance.timeOrigin + performance.now();

export interface RateLimiterOptions {
  now?: () => number;
  /** Multiplies every window length; 1 is real time. */
  timeScale?: number;
}

export class RateLimiter {
  private readonly now: () => number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly windows: readonly RateWindow[],
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? monotonicNow;
  }

  static fromSpecs(specs: readonly RateWindowSpec[], options: RateLimiterOptions = {}): RateLimiter {
    const scale = options.timeScale ?? 1;
    return new RateLimiter(
      specs.map((spec) => new RateWindow(spec.limit, spec.windowMs * scale)),
      options.now ? { now: options.now } : {},
    );
  }

  /** The earliest moment (epoch ms) at which a request fits in every window. */
  nextFreeAt(): number {
    return this.freeAt(this.now());
  }

  /** Milliseconds until a request fits in every window (0 when one fits now). */
  msUntilFree(): number {
    const now = this.now();
    return Math.max(0, this.freeAt(now) - now);
  }

  /** Takes a slot now if every window has one; never waits. */
  tryAcquire(): boolean {
    const now = this.now();
    if (this.freeAt(now) > now) return false;
    for (const window of this.windows) window.record(now);
    return true;
  }

  /** Waits, first come first served, until a slot is free, then takes it. Rejects if the signal aborts. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  reset(): void {
    for (const window of this.windows) window.reset();
  }

  /** One clock reading for the whole decision: two readings would disagree by the time between them. */
  private freeAt(now: number): number {
    return this.windows.reduce((latest, window) => Math.max(latest, window.freeAt(now)), now);
  }

  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.tryAcquire()) return;
      await delay(Math.max(1, this.msUntilFree()), signal);
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What each document promises. Liquido documents no limit. */
export const PROVIDER_RATE_LIMITS: Record<ProviderId, { requests: RateWindowSpec[]; topups: RateWindowSpec[] }> = {
  relier: { requests: [{ limit: 300, windowMs: 15 * 60_000 }], topups: [{ limit: 200, windowMs: 60_000 }] },
  mobisend: { requests: [{ limit: 120, windowMs: 60_000 }], topups: [] },
  liquido: { requests: [], topups: [] },
};

/** `request` paces every call; `topup` paces top-ups and also counts them as requests. */
export interface ProviderRateLimiters {
  request: RateLimiter;
  topup: RateLimiter;
}

export function createProviderRateLimiters(provider: ProviderId, options: RateLimiterOptions = {}): ProviderRateLimiters {
  const scale = options.timeScale ?? 1;
  const limits = PROVIDER_RATE_LIMITS[provider];
  const requestWindows = limits.requests.map((spec) => new RateWindow(spec.limit, spec.windowMs * scale));
  const topupWindows = limits.topups.map((spec) => new RateWindow(spec.limit, spec.windowMs * scale));
  const clock = options.now ? { now: options.now } : {};
  return {
    request: new RateLimiter(requestWindows, clock),
    topup: new RateLimiter([...requestWindows, ...topupWindows], clock),
  };
}
