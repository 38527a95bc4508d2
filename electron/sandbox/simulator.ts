/** What a provider simulator answers to and with: the sandbox server speaks HTTP, a simulator speaks its provider's API. */
import type { IncomingHttpHeaders } from 'node:http';
import type { ProviderId } from '../../shared/contract/app';

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or undefined when the body is empty or not JSON (see `bodyIsJson`). */
  body: unknown;
  rawBody: string;
  bodyIsJson: boolean;
  /** Set by the double-delivery fault: process again as if the idempotency key were new. */
  ignoreIdempotency?: boolean;
}

export interface SandboxReply {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** For the record: who this sale was for. */
  idempotencyKey?: string;
  reference?: string;
  replayed?: boolean;
}

/** A provider's API as a sandbox plays it. */
export interface ProviderSimulator {
  readonly provider: ProviderId;
  readonly credentials: Record<string, string>;
  handle(request: SandboxRequest): SandboxReply;
  /** The provider's own form of an injected server error. */
  serverErrorReply(status: number): SandboxReply;
  /** The provider's own form of an anti-fraud duplicate rejection. */
  duplicateReply(request: SandboxRequest): SandboxReply;
  /** Phone number a request is about, for phone-scoped faults and records. */
  phoneOf(request: SandboxRequest): string | undefined;
  /** Finish every asynchronous transaction now. */
  settlePending(): void;
  reset(): void;
  close(): void;
}
