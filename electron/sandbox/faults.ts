/**
 * Faults a sandbox can be told to inject, for the whole run or the next N matching requests, optionally only
 * for one path or one phone number. Latency combines with any one behaviour fault.
 */
import { z } from 'zod';

export const FAULT_KINDS = [
  /** Wait before handling: `latencyMs` fixed or `[min, max]`. */
  'latency',
  /** Answer a 5xx (`status`, default 500) in the provider's error form; `afterCommit` processes the sale first. */
  'server_error',
  /** Never answer; the socket is held open. `afterCommit` (default true) processes the sale first. */
  'timeout',
  /** Destroy the connection before anything is processed. */
  'reset_before_commit',
  /** Process the sale, then destroy the connection instead of answering. */
  'reset_after_commit',
  /** Process the sale, then answer a truncated JSON body with the real status. */
  'malformed_json',
  /** Answer the provider's anti-fraud "POSIBLE DUPLICADO" without processing. */
  'possible_duplicate',
  /** Process the sale twice (a provider that double-delivers) and answer the first. */
  'double_delivery',
  /** Answer exactly `status`, `body` and `headers` (e.g. MobiSend's 403 "IP not authorized", a 429 with Retry-After). */
  'respond',
] as const;

export const FaultRuleSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  /** Apply to the next N matching requests only; absent: until cleared. */
  count: z.number().int().positive().optional(),
  /** Only requests whose path starts with this. */
  path: z.string().optional(),
  method: z.enum(['GET', 'POST']).optional(),
  /** Only requests for this phone number (national digits; an E.164 number matches by its ending). */
  phone: z.string().optional(),
  latencyMs: z.union([z.number().nonnegative(), z.tuple([z.number().nonnegative(), z.number().nonnegative()])]).optional(),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  /** Extra response headers for `respond` (e.g. `{ "retry-after": "240" }`). */
  headers: z.record(z.string(), z.string()).optional(),
  afterCommit: z.boolean().optional(),
});
export type FaultRule = z.infer<typeof FaultRuleSchema>;

export const FaultListSchema = z.union([z.array(FaultRuleSchema), z.object({ faults: z.array(FaultRuleSchema) }), FaultRuleSchema]);

export function faultListFrom(input: unknown): FaultRule[] {
  const parsed = FaultListSchema.parse(input);
  if (Array.isArray(parsed)) return parsed;
  return 'faults' in parsed ? parsed.faults : [parsed];
}

export interface FaultTarget {
  method: string;
  path: string;
  phone?: string;
}

export interface ChosenFaults {
  latencyMs: number;
  behaviour?: FaultRule;
}

export class FaultBook {
  private rules: FaultRule[] = [];

  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule }));
  }

  add(rules: FaultRule[]): void {
    this.rules.push(...rules.map((rule) => ({ ...rule })));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Picks the latency and the first behaviour fault matching this request, spending their counts. */
  choose(target: FaultTarget): ChosenFaults {
    let latencyMs = 0;
    let behaviour: FaultRule | undefined;
    for (const rule of this.rules) {
      if (!matches(rule, target)) continue;
      if (rule.kind === 'latency') {
        latencyMs += pickLatency(rule.latencyMs);
        this.spend(rule);
      } else if (!behaviour) {
        behaviour = { ...rule };
        this.spend(rule);
      }
    }
    this.rules = this.rules.filter((rule) => rule.count === undefined || rule.count > 0);
    return behaviour ? { latencyMs, behaviour } : { latencyMs };
  }

  private spend(rule: FaultRule): void {
    if (rule.count !== undefined) rule.count -= 1;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if (rule.count !== undefined && rule.count <= 0) return false;
  if (rule.method && rule.method !== target.method) return false;
  if (rule.path && !target.path.startsWith(rule.path)) return false;
  if (rule.phone) {
    if (!target.phone) return false;
    const wanted = rule.phone.replace(/\D/g, '');
    const got = target.phone.replace(/\D/g, '');
    if (!(got === wanted || got.endsWith(wanted) || wanted.endsWith(got))) return false;
  }
  return true;
}

function pickLatency(latency: FaultRule['latencyMs']): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  const [min, max] = latency;
  return min + Math.random() * Math.max(0, max - min);
}
