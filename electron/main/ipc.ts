/**
 * The Electron side of the contract: one ipcMain handler per contract channel, all through the core's single
 * dispatcher (which parses the input and wraps the answer in an envelope). A call is answered only when it
 * comes from the app's own top-level frame at the app's exact origin (`app://saldo`, or the dev server's
 * origin under `electron-vite dev`); anything else gets `forbidden` and reaches no handler.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channelNames } from '../../shared/contract';
import { EVENT_CHANNEL } from '../../shared/contract/event-channel';
import type { SaldoCore } from '../core/runtime';

/**
 * Same scheme, host and port, and no credentials. Compared field by field because Node's URL gives every
 * non-special scheme (app:) the opaque origin "null", which would make any two app: URLs look alike.
 */
function hasExactOrigin(rawUrl: string, trustedOrigin: string): boolean {
  try {
    const url = new URL(rawUrl);
    const trusted = new URL(trustedOrigin);
    if (url.username !== '' || url.password !== '') return false;
    return url.protocol === trusted.protocol && url.hostname === trusted.hostname && url.port === trusted.port;
  } catch {
    return false;
  }
}

/** The sender is the app's own page: a live top-level frame whose URL has exactly the trusted origin. */
export function isTrustedFrame(frame: WebFrameMain | null | undefined, trustedOrigin: string): boolean {
  if (!frame || frame.parent !== null || frame.detached) return false;
  return hasExactOrigin(frame.url, trustedOrigin);
}

export function registerContractHandlers(ipcMain: IpcMain, core: SaldoCore, trustedOrigin: string): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame, trustedOrigin)) {
        core.logger.warn('ipc.untrusted_sender', { channel, url: event.senderFrame?.url ?? null });
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the app itself' } };
      }
      return core.dispatcher.invoke(channel, input, { host: 'electron' });
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Forwards every core event to the window's renderer. */
export function forwardEvents(core: SaldoCore, window: BrowserWindow): () => void {
  return core.events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
}
