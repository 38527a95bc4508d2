/** The drain's pacing: how many top-ups a provider may receive now, by its documented rate windows. */
import type { RateWindowSpec } from '../providers/rate-limiter';

/**
 * Paces top-ups so the provider never sees more than its documented limit in any window, whatever the network
 * does: a request occupies its slot from the moment it is sent until one window after its answer came back.
 * The provider stamped it somewhere in between, so counting this way can only over-estimate its count.
 */
export class CompletionPacer {
  private inFlight = 0;
  private readonly completed: number[] = [];
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindowSpec[]) {
    this.longest = windows.reduce((max, window) => Math.max(max, window.windowMs), 0);
  }

  /** Milliseconds to wait before one more request may be sent (0: now). */
  waitMs(now: number): number {
    this.prune(now);
    let wait = 0;
    for (const window of this.windows) {
      const recent = this.completed.filter((at) => at > now - window.windowMs);
      const used = this.inFlight + recent.length;
      if (used < window.limit) continue;
      const mustLeave = used - window.limit + 1;
      // Oldest completions leave the window first; if in-flight requests alone fill it, wait for an answer.
      const leaving = recent[mustLeave - 1];
      wait = Math.max(wait, leaving !== undefined && mustLeave <= recent.length ? leaving + window.windowMs - now + 1 : 2);
    }
    return wait;
  }

  /** How many requests may be sent now. */
  room(now: number): number {
    this.prune(now);
    let room = Number.POSITIVE_INFINITY;
    for (const window of this.windows) {
      const recent = this.completed.filter((at) => at > now - window.windowMs).length;
      room = Math.min(room, window.limit - this.inFlight - recent);
    }
    return Math.max(0, room);
  }

  start(): void {
    this.inFlight += 1;
  }

  finish(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.completed.push(now);
  }

  private prune(now: number): void {
    while (this.completed.length > 0 && (this.completed[0] ?? 0) <= now - this.longest) this.completed.shift();
  }
}
