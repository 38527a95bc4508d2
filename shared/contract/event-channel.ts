/**
 * The one Electron IPC channel every pushed event travels on (main sends, the preload listens), with the
 * event's name and payload as its arguments. Kept in its own file without zod so the sandboxed preload can
 * bundle it and stay tiny.
 */
export const EVENT_CHANNEL = 'saldo:event';
