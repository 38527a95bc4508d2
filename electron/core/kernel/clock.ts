/**
 * Time as the core sees it. Everything that stamps, paces or expires takes a Clock, so tests can drive time
 * instead of sleeping; only the hosts use the system clock.
 */
export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
