/**
 * The rate limits each provider's server enforces, written from its own document and counted here, apart from
 * the client's limiter: a simulator that borrowed the client's numbers could never catch a client that paces
 * wrongly. A refused request takes no slot (as a real server's counter would not count a 429 it sent back).
 */
import type { SandboxReply } from './simulator';

const MINUTE_MS = 60_000;

/** A count of accepted requests in a sliding window. */
export class SlidingWindow {
  private readonly acceptedAt: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until one more request fits (0 when one fits now). */
  waitMs(now: number): number {
    while (this.acceptedAt.length > 0 && (this.acceptedAt[0] ?? 0) <= now - this.windowMs) this.acceptedAt.shift();
    if (this.acceptedAt.length < this.limit) return 0;
    return (this.acceptedAt[this.acceptedAt.length - this.limit] ?? now) + this.windowMs - now;
  }

  accept(now: number): void {
    this.acceptedAt.push(now);
  }

  reset(): void {
    this.acceptedAt.length = 0;
  }
}

/** Readings that never jump with wall-clock corrections, so a window cannot open or close early. */
const steadyNow = (): number => performance.now();

/**
 * Counts a request against every window it belongs to, or refuses it with the seconds to wait (at least 1,
 * as an HTTP Retry-After is whole seconds) when any of them is full.
 */
export function admit(windows: readonly SlidingWindow[], now: number = steadyNow()): { admitted: true } | { admitted: false; retryAfterSeconds: number } {
  const waitMs = Math.max(0, ...windows.map((window) => window.waitMs(now)));
  if (waitMs > 0) return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  for (const window of windows) window.accept(now);
  return { admitted: true };
}

/** The provider's 429 with its Retry-After header. */
export function tooManyRequests(retryAfterSeconds: number, error: string): SandboxReply {
  return { status: 429, json: { success: false, error }, headers: { 'retry-after': String(retryAfterSeconds) } };
}

/** Relier: 300 API requests per 15 minutes, and 200 top-ups a minute; a top-up counts against both. */
export class RelierServerLimits {
  readonly requests: SlidingWindow;
  readonly topups: SlidingWindow;

  /** `timeScale` multiplies every window (0.001: a minute becomes 60 ms), as the sandbox options say. */
  constructor(timeScale: number) {
    this.requests = new SlidingWindow(300, 15 * MINUTE_MS * timeScale);
    this.topups = new SlidingWindow(200, MINUTE_MS * timeScale);
  }

  windowsFor(isTopup: boolean): readonly SlidingWindow[] {
    return isTopup ? [this.requests, this.topups] : [this.requests];
  }

  reset(): void {
    this.requests.reset();
    this.topups.reset();
  }
}

/** MobiSend: 120 requests a minute per API key, whatever the request. */
export class MobiSendServerLimits {
  readonly requests: SlidingWindow;

  constructor(timeScale: number) {
    this.requests = new SlidingWindow(120, MINUTE_MS * timeScale);
  }

  reset(): void {
    this.requests.reset();
  }
}
