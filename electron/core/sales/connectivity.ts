/**
 * Whether each provider answered lately, learned from every request the core makes (a sale, a status query,
 * a health check). Kept in memory for decisions, written to SQLite for the screens, pushed as an event when
 * it changes.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { Connectivity } from '../../../shared/contract/sales';
import type { CacheStore } from '../ledger/cache';
import type { Clock } from '../kernel/clock';
import type { ProviderError, ProviderResult } from '../providers/types';

/** The request never reached the provider or got no answer: the line (or the provider) is down. */
export function isUnreachable(error: ProviderError): boolean {
  if (error.code === 'rate_limited' || error.code === 'not_supported') return false;
  return error.notSent === true || error.code === 'outcome_unknown';
}

/** A timeout or a reset is ambiguous (one slow answer); this many in a row, with nothing else between, is a line down. */
export const NO_ANSWERS_FOR_OFFLINE = 3;

/** Results that say nothing about the line: nothing was sent (client-side limit, unsupported call). */
function saysNothing(error: ProviderError): boolean {
  return error.code === 'not_supported' || (error.code === 'rate_limited' && error.notSent === true);
}

/** Milliseconds until a provider's client-side rate limiter lets the next request go (0: not paced). */
export type PacingProbe = (provider: ProviderId) => number;

/** A change of a provider's pacing smaller than this is not worth an event (the limiter moves every request). */
const PACING_NOTICE_MS = 1_000;

export class ConnectivityTracker {
  private readonly state = new Map<ProviderId, { reachable: boolean; checkedAt: number | null; lastError: string | null }>();
  private readonly silences = new Map<ProviderId, number>();
  /** The provider told us to wait (a 429 with a retry time, or our own limiter refused to wait that long). */
  private readonly retryAt = new Map<ProviderId, number>();
  /** The pacing last announced per provider, so only a change is announced; a timer announces its end. */
  private readonly announcedPacing = new Map<ProviderId, number | null>();
  private pacingTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly providers: readonly ProviderId[],
    private readonly cache: CacheStore,
    private readonly clock: Clock,
    private readonly onChange: (connectivity: Connectivity) => void,
    /** After this long without news, an unreachable provider is worth trying again (a sale is the best probe). */
    private readonly recheckMs = 15_000,
    private readonly pacing: PacingProbe = () => 0,
  ) {
    const stored = cache.connectivity(providers);
    for (const provider of stored.providers) {
      this.state.set(provider.id, { reachable: provider.reachable, checkedAt: provider.checkedAt ? Date.parse(provider.checkedAt) : null, lastError: provider.lastError });
    }
  }

  observe(provider: ProviderId, result: ProviderResult<unknown>): void {
    // retryAt is wall-clock time; kept on this tracker's clock as "that long from now".
    if (!result.ok && result.error.code === 'rate_limited' && result.error.retryAt) this.retryAt.set(provider, this.clock.now() + (result.error.retryAt - Date.now()));
    this.announcePacingChange();
    if (!result.ok && saysNothing(result.error)) return;
    if (!result.ok && isUnreachable(result.error)) {
      // Refused or unresolvable: down now. No answer: down after a few in a row.
      const silences = (this.silences.get(provider) ?? 0) + 1;
      this.silences.set(provider, silences);
      if (result.error.notSent === true || silences >= NO_ANSWERS_FOR_OFFLINE) this.set(provider, false, result.error.message);
      return;
    }
    this.silences.set(provider, 0);
    this.set(provider, true, null);
  }

  set(provider: ProviderId, reachable: boolean, lastError: string | null): void {
    const now = this.clock.now();
    const before = this.state.get(provider);
    this.state.set(provider, { reachable, checkedAt: now, lastError });
    if (!before || before.reachable !== reachable || before.lastError !== lastError) {
      try {
        this.cache.setConnectivity(provider, reachable, new Date(now).toISOString(), lastError);
      } catch {
        // A busy database must not turn a connectivity note into a failed sale.
      }
      if (!before || before.reachable !== reachable) this.onChange(this.snapshot());
    }
  }

  reachable(provider: ProviderId): boolean {
    const entry = this.state.get(provider);
    if (!entry || entry.reachable) return true;
    return entry.checkedAt !== null && this.clock.now() - entry.checkedAt > this.recheckMs;
  }

  /** What the last request said, however old (for the screens). */
  lastKnownReachable(provider: ProviderId): boolean {
    return this.state.get(provider)?.reachable ?? true;
  }

  anyReachable(providers: readonly ProviderId[] = this.providers): boolean {
    return providers.some((provider) => this.reachable(provider));
  }

  /** When the provider lets the next request go (epoch ms), or null when it is not being paced. */
  pacedUntil(provider: ProviderId): number | null {
    const now = this.clock.now();
    const until = Math.max(now + this.pacing(provider), this.retryAt.get(provider) ?? 0);
    return until > now ? until : null;
  }

  snapshot(): Connectivity {
    const providers = this.providers.map((id) => {
      const entry = this.state.get(id);
      const pacedUntil = this.pacedUntil(id);
      return {
        id,
        reachable: this.lastKnownReachable(id),
        checkedAt: entry?.checkedAt ? new Date(entry.checkedAt).toISOString() : null,
        lastError: entry?.lastError ?? null,
        pacedUntil: pacedUntil === null ? null : new Date(pacedUntil).toISOString(),
      };
    });
    return { online: providers.some((provider) => provider.reachable), providers };
  }

  /**
   * Tells the screens when a provider starts or stops being paced, or its wait moves by a second or more; while
   * any is paced, a timer looks again when the earliest wait ends so the status bar clears on time.
   */
  announcePacingChange(): void {
    let changed = false;
    let earliestEnd: number | null = null;
    for (const provider of this.providers) {
      const until = this.pacedUntil(provider);
      const before = this.announcedPacing.get(provider) ?? null;
      if ((until === null) !== (before === null) || (until !== null && before !== null && Math.abs(until - before) >= PACING_NOTICE_MS)) {
        this.announcedPacing.set(provider, until);
        changed = true;
      }
      if (until !== null) earliestEnd = Math.min(earliestEnd ?? until, until);
    }
    if (changed) this.onChange(this.snapshot());
    if (this.pacingTimer) clearTimeout(this.pacingTimer);
    this.pacingTimer = null;
    if (earliestEnd !== null) {
      this.pacingTimer = setTimeout(() => this.announcePacingChange(), Math.max(10, earliestEnd - this.clock.now() + 5));
      this.pacingTimer.unref?.();
    }
  }

  /** Stops the pacing timer (on close). */
  close(): void {
    if (this.pacingTimer) clearTimeout(this.pacingTimer);
    this.pacingTimer = null;
  }
}
