/** The control plane under /__sandbox/, for tests in another process: records, faults, reset, settle, offline. */
import { faultListFrom, type FaultRule } from './faults';
import type { SandboxRecords } from './records';
import type { SandboxReply, SandboxRequest } from './simulator';

export const CONTROL_PREFIX = '/__sandbox/';

export interface SandboxControl {
  records(): SandboxRecords;
  setFaults(rules: FaultRule[]): void;
  addFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  faults(): FaultRule[];
  /** Clears state, records and faults; balances start over. */
  reset(): void;
  /** Stops listening (connections are refused) until `setOffline(false)`, or for `forMs`. */
  setOffline(offline: boolean, forMs?: number): Promise<void>;
  settlePending(): void;
}

export function answerControl(control: SandboxControl, request: SandboxRequest): SandboxReply {
  const action = `${request.method} ${request.path.slice(CONTROL_PREFIX.length)}`;
  try {
    switch (action) {
      case 'GET records':
        return { status: 200, json: control.records() };
      case 'GET faults':
        return { status: 200, json: { faults: control.faults() } };
      case 'POST faults':
        control.setFaults(faultListFrom(request.body));
        return { status: 200, json: { faults: control.faults() } };
      case 'POST faults/add':
        control.addFaults(faultListFrom(request.body));
        return { status: 200, json: { faults: control.faults() } };
      case 'POST faults/clear':
        control.clearFaults();
        return { status: 200, json: { faults: [] } };
      case 'POST reset':
        control.reset();
        return { status: 200, json: { reset: true } };
      case 'POST settle':
        control.settlePending();
        return { status: 200, json: { settled: true } };
      case 'POST offline': {
        // Answer first, then stop listening: nothing could reach this endpoint afterwards.
        const forMs = typeof request.body === 'object' && request.body !== null ? (request.body as { forMs?: unknown }).forMs : undefined;
        setImmediate(() => void control.setOffline(true, typeof forMs === 'number' ? forMs : undefined));
        return { status: 200, json: { offline: true, ...(typeof forMs === 'number' ? { forMs } : {}) } };
      }
      default:
        return { status: 404, json: { error: `no sandbox control ${action}` } };
    }
  } catch (error) {
    return { status: 400, json: { error: error instanceof Error ? error.message : String(error) } };
  }
}
