/**
 * How an injected fault changes what the client gets: some faults answer before the simulator sees the request
 * (nothing is processed), the others let the sale be processed and then spoil the answer. This file decides;
 * the server writes the answer, destroys the socket or holds it, and records the outcome.
 */
import type { FaultRule } from './faults';
import type { RequestRecord } from './records';
import type { ProviderSimulator, SandboxReply, SandboxRequest } from './simulator';

export interface FaultedHandling {
  /** A reply to write, or the connection destroyed ('reset') or left unanswered ('hold'). */
  answer: SandboxReply | 'reset' | 'hold';
  outcome: RequestRecord['outcome'];
  /** Which sale the request was about, when the simulator processed it. */
  sale: Pick<RequestRecord, 'idempotencyKey' | 'reference' | 'replayed'>;
}

export function handleWithFault(simulator: ProviderSimulator, request: SandboxRequest, fault: FaultRule | undefined): FaultedHandling {
  const refused = fault ? answerWithoutProcessing(simulator, request, fault) : undefined;
  if (refused) return { ...refused, sale: {} };
  const reply = simulator.handle(request);
  if (fault?.kind === 'double_delivery') simulator.handle({ ...request, ignoreIdempotency: true });
  const sale = {
    ...(reply.idempotencyKey ? { idempotencyKey: reply.idempotencyKey } : {}),
    ...(reply.reference ? { reference: reply.reference } : {}),
    ...(reply.replayed ? { replayed: true } : {}),
  };
  return { ...spoilAfterProcessing(simulator, reply, fault), sale };
}

type Answer = Omit<FaultedHandling, 'sale'>;

const replied = (reply: SandboxReply): Answer => ({ answer: reply, outcome: reply.status });

function answerWithoutProcessing(simulator: ProviderSimulator, request: SandboxRequest, fault: FaultRule): Answer | undefined {
  switch (fault.kind) {
    case 'reset_before_commit':
      return { answer: 'reset', outcome: 'reset' };
    case 'timeout':
      return fault.afterCommit === false ? { answer: 'hold', outcome: 'held' } : undefined;
    case 'server_error':
      return fault.afterCommit ? undefined : replied(simulator.serverErrorReply(fault.status ?? 500));
    case 'possible_duplicate':
      return replied(simulator.duplicateReply(request));
    case 'respond':
      return replied({ status: fault.status ?? 500, json: fault.body ?? {}, ...(fault.headers ? { headers: fault.headers } : {}) });
    default:
      return undefined;
  }
}

function spoilAfterProcessing(simulator: ProviderSimulator, reply: SandboxReply, fault: FaultRule | undefined): Answer {
  switch (fault?.kind) {
    case 'timeout':
      return { answer: 'hold', outcome: 'held' };
    case 'reset_after_commit':
      return { answer: 'reset', outcome: 'reset' };
    case 'server_error':
      return replied(simulator.serverErrorReply(fault.status ?? 500));
    case 'malformed_json': {
      const text = JSON.stringify(reply.json ?? {});
      return { answer: { status: reply.status, text: text.slice(0, Math.max(1, Math.floor(text.length / 2))), contentType: 'application/json' }, outcome: 'malformed' };
    }
    default:
      return replied(reply);
  }
}
