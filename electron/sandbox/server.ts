/**
 * The loopback HTTP server every sandbox shares: it reads requests, injects faults around the provider
 * simulator (fault-injection.ts decides how), records what happened, serves the control plane under
 * /__sandbox/ and can go offline. The simulator knows its provider's API; this file knows HTTP and misbehaviour.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ProviderId } from '../../shared/contract/app';
import { answerControl, CONTROL_PREFIX, type SandboxControl } from './control-plane';
import { handleWithFault } from './fault-injection';
import { FaultBook } from './faults';
import { readSandboxRequest, SANDBOX_HOST, sleep, writeReply } from './http-io';
import type { Recorder } from './records';
import type { ProviderSimulator } from './simulator';

export interface RunningSandbox {
  provider: ProviderId;
  url: string;
  port: number;
  credentials: Record<string, string>;
  control: SandboxControl;
  close(): Promise<void>;
}

export async function serveSimulator(simulator: ProviderSimulator, recorder: Recorder, port = 0): Promise<RunningSandbox> {
  const server = new SandboxServer(simulator, recorder);
  const actualPort = await server.listenFirst(port);
  return {
    provider: simulator.provider,
    url: `http://${SANDBOX_HOST}:${actualPort}`,
    port: actualPort,
    credentials: { ...simulator.credentials },
    control: server.control,
    close: () => server.close(),
  };
}

class SandboxServer {
  readonly control: SandboxControl;
  private readonly faults = new FaultBook();
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private offlineTimer: NodeJS.Timeout | undefined;
  private listening = false;
  private port = 0;

  constructor(
    private readonly simulator: ProviderSimulator,
    private readonly recorder: Recorder,
  ) {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(`sandbox error: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.control = {
      records: () => recorder.snapshot(),
      setFaults: (rules) => this.faults.set(rules),
      addFaults: (rules) => this.faults.add(rules),
      clearFaults: () => this.faults.clear(),
      faults: () => this.faults.list(),
      reset: () => {
        this.faults.clear();
        recorder.clear();
        simulator.reset();
      },
      setOffline: (offline, forMs) => this.setOffline(offline, forMs),
      settlePending: () => simulator.settlePending(),
    };
  }

  /** Listens on `port` (0: any free one) and returns the port taken; going offline and back keeps it. */
  async listenFirst(port: number): Promise<number> {
    await this.startListening(port);
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  async close(): Promise<void> {
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.simulator.close();
    await this.stopListening();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const sandboxRequest = await readSandboxRequest(request);
    if (sandboxRequest.path.startsWith(CONTROL_PREFIX)) {
      writeReply(response, answerControl(this.control, sandboxRequest));
      return;
    }
    const { method, path } = sandboxRequest;
    const phone = this.simulator.phoneOf(sandboxRequest);
    const chosen = this.faults.choose({ method, path, ...(phone ? { phone } : {}) });
    if (chosen.latencyMs > 0) await sleep(chosen.latencyMs);
    const fault = chosen.behaviour;
    const handling = handleWithFault(this.simulator, sandboxRequest, fault);
    this.recorder.request({ method, path, ...(phone ? { phone } : {}), ...(fault ? { fault: fault.kind } : {}), ...handling.sale, outcome: handling.outcome });
    if (handling.answer === 'reset') request.socket.destroy();
    else if (handling.answer !== 'hold') writeReply(response, handling.answer);
  }

  private async setOffline(offline: boolean, forMs?: number): Promise<void> {
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.offlineTimer = undefined;
    if (offline) {
      await this.stopListening();
      if (forMs !== undefined) this.offlineTimer = setTimeout(() => void this.comeBack().catch(() => undefined), forMs);
    } else {
      await this.comeBack();
    }
  }

  private startListening(onPort: number): Promise<void> {
    if (this.listening) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(onPort, SANDBOX_HOST, () => {
        this.server.off('error', reject);
        this.listening = true;
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
  private async comeBack(): Promise<void> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      try {
        await this.startListening(this.port);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() > deadline) throw error;
        await sleep(50);
      }
    }
  }

  private stopListening(): Promise<void> {
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }
}
