/** Shared set-up for the provider tests: fast sandboxes, adapters pointed at them, a logger that records. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProviderId } from '../../shared/contract/app';
import type { ProviderLogger } from '../../electron/core/providers/provider-client';
import type { AdapterRuntimeOptions } from '../../electron/core/providers/relier';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../electron/sandbox/index';
import { providersConfigFromEndpoints } from '../../electron/core/providers/endpoints';
import type { ProvidersConfig } from '../../electron/core/providers/registry';

/**
 * Async work settles in tens of milliseconds; rate windows shrink a thousandfold so a whole test file never
 * trips them by accident. Tests of the limits themselves start their sandbox with `rateWindowScale: 1`.
 */
export const FAST_SANDBOX: SandboxOptions = { asyncDelayMs: 30, rateWindowScale: 0.001 };

export class RecordingLogger implements ProviderLogger {
  readonly entries: { message: string; details: Record<string, unknown> }[] = [];
  warn(message: string, details: Record<string, unknown>): void {
    this.entries.push({ message, details });
  }
}

export function runtimeFor(logger: ProviderLogger): AdapterRuntimeOptions {
  return { logger, rateLimitTimeScale: 0.001 };
}

/**
 * Start a sandbox that will go offline on a fixed port below the ephemeral range (32768+ on Linux): a freed
 * ephemeral port can be handed to another test process's sandbox while this one is offline.
 */
export async function startOnQuietPort(provider: ProviderId, options: SandboxOptions = {}): Promise<RunningSandbox> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await startFast(provider, { ...options, port: 20_000 + Math.floor(Math.random() * 10_000) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 10) throw error;
    }
  }
}

/** Nothing listens on port 2 (1 is on fetch's blocked list), and no "any free port" server is ever given it. */
export const REFUSING_URL = 'http://127.0.0.1:2';

export async function startFast(provider: ProviderId, options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox(provider, { ...FAST_SANDBOX, ...options });
}

export function configFor(sandbox: RunningSandbox, timeoutMs?: number): ProvidersConfig {
  return providersConfigFromEndpoints([sandbox], timeoutMs);
}

export function fixture(path: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/providers/${path}`, import.meta.url)), 'utf8')) as unknown;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the predicate holds or the deadline passes. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 2_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await sleep(20);
  }
}

/** A key-by-key description of a JSON value's shape: `transaction.amount_usd: number`. */
export function shapeOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? shapeOf(value[0], `${prefix}[]`) : [`${prefix}: array`];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => shapeOf(item, prefix ? `${prefix}.${key}` : key));
  }
  return [`${prefix}: ${value === null ? 'null' : typeof value}`];
}
