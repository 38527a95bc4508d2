/**
 * The handler of `app.requestExit`. The dispatcher has already checked who is asking (an owner or a technician,
 * or a cashier whose owner PIN it verified and recorded); the handler logs who let the kiosk close and hands the
 * exit to the host, which alone can close a window (and start the app again when `restart` is asked: new provider
 * keys take effect at start). A host that cannot exit (browser, CLI) answers false.
 */
import type { HandlerMap } from '../ipc/dispatcher';
import type { Logger } from '../kernel/logger';
import type { User } from '../../../shared/contract/auth';

export interface ExitRequest {
  userId: string | null;
  role: User['role'] | null;
  /** The owner whose PIN a cashier typed, when that is how the exit was allowed. */
  overridingOwnerId: string | null;
  /** Start Saldo again once closed. */
  restart: boolean;
}

export interface KioskHandlerDeps {
  logger: Logger;
  viewer(): User | null;
  /** The host's exit: true when it will close the app. Absent on hosts that have no window to close. */
  onExitRequested?: (request: ExitRequest) => boolean;
}

export function createKioskHandlers(deps: KioskHandlerDeps): Pick<HandlerMap, 'app.requestExit'> {
  return {
    'app.requestExit': (input, context) => {
      const viewer = deps.viewer();
      const request: ExitRequest = { userId: viewer?.id ?? null, role: viewer?.role ?? null, overridingOwnerId: context.ownerOverride?.ownerId ?? null, restart: input.restart === true };
      const exiting = deps.onExitRequested?.(request) ?? false;
      deps.logger.warn('kiosk.exit_requested', { ...request, exiting });
      return { exiting };
    },
  };
}
