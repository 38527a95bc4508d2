/** Handlers of the app.* and settings.* channels: identity, health and the masked settings view. */
import type { AppInfo, Health, SettingsView } from '../../../shared/contract/app';
import type { User } from '../../../shared/contract/auth';
import type { EventBus } from '../ipc/event-bus';
import { roleMayCall, type HandlerMap } from '../ipc/dispatcher';

export interface AppHandlerDeps {
  info: AppInfo;
  /** Who is asking: the host, platform and data folder are told only to a technician or an owner. */
  viewer(): User | null;
  events: EventBus;
  health(): Health;
  settings(): SettingsView;
  clock: () => Date;
}

export function createAppHandlers(deps: AppHandlerDeps): Pick<HandlerMap, 'app.info' | 'app.health' | 'settings.get' | 'app.ping'> {
  return {
    'app.info': () => {
      const viewer = deps.viewer();
      if (viewer && roleMayCall(viewer.role, 'tech')) return deps.info;
      // What anyone may see: which app and version, demo or live, and "updated from X to Y" (versions only).
      const { name, version, mode, lastUpdate } = deps.info;
      return { name, version, mode, ...(lastUpdate ? { lastUpdate } : {}) };
    },
    'app.health': () => deps.health(),
    'settings.get': () => deps.settings(),
    'app.ping': ({ echo }) => {
      const answer = { echo, at: deps.clock().toISOString() };
      // Pushed after the answer is on its way, so a client sees the reply and then the event.
      setImmediate(() => deps.events.emit('app.pong', answer));
      return answer;
    },
  };
}
