/**
 * One request id, one running attempt: a second call with the same `requestId` while the first is still running
 * (a double tap, a retried IPC call) gets the first one's promise instead of starting another. Once it settles the
 * ledger answers by request id, so nothing is recorded twice either way.
 */
export class InFlightByRequestId<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(requestId: string, start: () => Promise<T>): Promise<T> {
    const running = this.running.get(requestId);
    if (running) return running;
    const promise = start().finally(() => this.running.delete(requestId));
    this.running.set(requestId, promise);
    return promise;
  }
}
