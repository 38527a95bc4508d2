/**
 * Starting sandboxes: one for a test, or the three of demo mode, each a real loopback HTTP server with its
 * own generated credentials. A running sandbox tells where it listens and what it accepts
 * (`{ provider, url, credentials }`); the core turns that into adapter configuration
 * (core/providers/endpoints.ts), so the sandbox knows nothing of the client's types.
 */
import type { ProviderId } from '../../shared/contract/app';
import { LiquidoSimulator } from './liquido';
import { MobiSendSimulator } from './mobisend';
import type { SandboxOptions } from './options';
import { Recorder } from './records';
import { RelierSimulator } from './relier';
import { serveSimulator, type RunningSandbox } from './server';
import type { ProviderSimulator } from './simulator';

export type { SandboxOptions } from './options';
export type { RunningSandbox } from './server';
export type { SandboxControl } from './control-plane';
export type { FaultRule } from './faults';
export type { SandboxRecords, DeliveryRecord, RequestRecord } from './records';
export { countDeliveries } from './records';
export { SANDBOX_TEST_NUMBERS } from './catalog';
export { RELIER_TEST_NUMBERS } from './relier';

export const SANDBOX_PROVIDERS: readonly ProviderId[] = ['relier', 'mobisend', 'liquido'];

export async function startSandbox(provider: ProviderId, options: SandboxOptions = {}): Promise<RunningSandbox> {
  const recorder = new Recorder();
  const simulator: ProviderSimulator =
    provider === 'relier'
      ? new RelierSimulator(recorder, options)
      : provider === 'mobisend'
        ? new MobiSendSimulator(recorder, options)
        : new LiquidoSimulator(recorder, options);
  return serveSimulator(simulator, recorder, options.port ?? 0);
}

/** The three sandboxes; `portBase` puts them on portBase, +1, +2 in the order relier, mobisend, liquido. */
export async function startDemoSandboxes(options: SandboxOptions & { portBase?: number } = {}): Promise<RunningSandbox[]> {
  const { portBase, ...rest } = options;
  const started: RunningSandbox[] = [];
  try {
    for (const [index, provider] of SANDBOX_PROVIDERS.entries()) {
      started.push(await startSandbox(provider, { ...rest, ...(portBase !== undefined ? { port: portBase + index } : {}) }));
    }
  } catch (error) {
    await Promise.all(started.map((sandbox) => sandbox.close()));
    throw error;
  }
  return started;
}
