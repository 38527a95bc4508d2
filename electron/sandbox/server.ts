/**
 * The loopback HTTP server every sandbox shares: it parses requests, injects faults around the provider
 * simulator, records what happened, and serves the control plane under /__sandbox/. The simulator knows its
 * provider's API; this file knows HTTP and misbehaviour.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ProviderId } from '../../shared/contract/app';
import { FaultBook, faultListFrom, type FaultRule } from './faults';
import { Recorder, type SandboxRecords } from './records';

export const SANDBOX_HOST = '127.0.0.1';
const CONTROL_PREFIX = '/__sandbox/';
const MAX_BODY_BYTES = 1_000_000;

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

export interface RunningSandbox {
  provider: ProviderId;
  url: string;
  port: number;
  credentials: Record<string, string>;
  control: SandboxControl;
  close(): Promise<void>;
}

export async function serveSimulator(simulator: ProviderSimulator, recorder: Recorder, port = 0): Promise<RunningSandbox> {
  const faults = new FaultBook();
  const sockets = new Set<Socket>();
  let offlineTimer: NodeJS.Timeout | undefined;
  let listening = false;

  const server: Server = createServer((request, response) => {
    void handleRequest(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`sandbox error: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const control: SandboxControl = {
    records: () => recorder.snapshot(),
    setFaults: (rules) => faults.set(rules),
    addFaults: (rules) => faults.add(rules),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    reset: () => {
      faults.clear();
      recorder.clear();
      simulator.reset();
    },
    setOffline: async (offline, forMs) => {
      if (offlineTimer) clearTimeout(offlineTimer);
      offlineTimer = undefined;
      if (offline) {
        await stopListening();
        if (forMs !== undefined) offlineTimer = setTimeout(() => void comeBack().catch(() => undefined), forMs);
      } else {
        await comeBack();
      }
    },
    settlePending: () => simulator.settlePending(),
  };

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${SANDBOX_HOST}`);
    const rawBody = await readBody(request);
    let body: unknown;
    let bodyIsJson = false;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody) as unknown;
        bodyIsJson = true;
      } catch {
        body = undefined;
      }
    }
    const sandboxRequest: SandboxRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
      rawBody,
      bodyIsJson,
    };
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      writeReply(response, handleControl(sandboxRequest));
      return;
    }
    const phone = simulator.phoneOf(sandboxRequest);
    const chosen = faults.choose({ method: sandboxRequest.method, path: sandboxRequest.path, ...(phone ? { phone } : {}) });
    if (chosen.latencyMs > 0) await sleep(chosen.latencyMs);
    const fault = chosen.behaviour;
    const base = { method: sandboxRequest.method, path: sandboxRequest.path, ...(phone ? { phone } : {}), ...(fault ? { fault: fault.kind } : {}) };

    if (fault?.kind === 'reset_before_commit') {
      recorder.request({ ...base, outcome: 'reset' });
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'timeout' && fault.afterCommit === false) {
      recorder.request({ ...base, outcome: 'held' });
      return;
    }
    if (fault?.kind === 'server_error' && !fault.afterCommit) {
      const reply = simulator.serverErrorReply(fault.status ?? 500);
      recorder.request({ ...base, outcome: reply.status });
      writeReply(response, reply);
      return;
    }
    if (fault?.kind === 'possible_duplicate') {
      const reply = simulator.duplicateReply(sandboxRequest);
      recorder.request({ ...base, outcome: reply.status });
      writeReply(response, reply);
      return;
    }
    if (fault?.kind === 'respond') {
      const reply: SandboxReply = { status: fault.status ?? 500, json: fault.body ?? {} };
      recorder.request({ ...base, outcome: reply.status });
      writeReply(response, reply);
      return;
    }

    const reply = simulator.handle(sandboxRequest);
    if (fault?.kind === 'double_delivery') simulator.handle({ ...sandboxRequest, ignoreIdempotency: true });
    const sale = {
      ...(reply.idempotencyKey ? { idempotencyKey: reply.idempotencyKey } : {}),
      ...(reply.reference ? { reference: reply.reference } : {}),
      ...(reply.replayed ? { replayed: true } : {}),
    };
    switch (fault?.kind) {
      case 'timeout':
        recorder.request({ ...base, ...sale, outcome: 'held' });
        return;
      case 'reset_after_commit':
        recorder.request({ ...base, ...sale, outcome: 'reset' });
        request.socket.destroy();
        return;
      case 'server_error': {
        const error = simulator.serverErrorReply(fault.status ?? 500);
        recorder.request({ ...base, ...sale, outcome: error.status });
        writeReply(response, error);
        return;
      }
      case 'malformed_json': {
        const text = JSON.stringify(reply.json ?? {});
        recorder.request({ ...base, ...sale, outcome: 'malformed' });
        writeReply(response, { status: reply.status, text: text.slice(0, Math.max(1, Math.floor(text.length / 2))), contentType: 'application/json' });
        return;
      }
      default:
        recorder.request({ ...base, ...sale, outcome: reply.status });
        writeReply(response, reply);
    }
  }

  function handleControl(request: SandboxRequest): SandboxReply {
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

  function startListening(onPort: number): Promise<void> {
    if (listening) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, SANDBOX_HOST, () => {
        server.off('error', reject);
        listening = true;
        resolve();
      });
    });
  }

  /**
   * Listens again on the same port. While offline the port is free, so another process may have taken it
   * (an OS picking "any free port" reuses freed ones): retry for a while, then give up with the error.
   * Tests that go offline while other processes start servers should use a fixed port outside the
   * ephemeral range.
   */
  async function comeBack(): Promise<void> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      try {
        await startListening(actualPort);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() > deadline) throw error;
        await sleep(50);
      }
    }
  }

  function stopListening(): Promise<void> {
    if (!listening) return Promise.resolve();
    listening = false;
    return new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  }

  await startListening(port);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  return {
    provider: simulator.provider,
    url: `http://${SANDBOX_HOST}:${actualPort}`,
    port: actualPort,
    credentials: { ...simulator.credentials },
    control,
    close: async () => {
      if (offlineTimer) clearTimeout(offlineTimer);
      simulator.close();
      await stopListening();
    },
  };
}

function writeReply(response: ServerResponse, reply: SandboxReply): void {
  const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  response.writeHead(reply.status, {
    'content-type': reply.contentType ?? (reply.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
    ...reply.headers,
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
