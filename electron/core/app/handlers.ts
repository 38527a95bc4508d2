/** Handlers of the app.* and settings.* channels: identity, health and the masked settings view. */
import type { AppInfo, Health, SettingsView } from '../../../shared/contract/app';
import type { EventBus } from '../ipc/event-bus';
import type { HandlerMap } from '../ipc/dispatcher';

export interface AppHandlerDeps {
  info: AppInfo;
  events: EventBus;
  health(): Health;
  settings(): SettingsView;
  clock: () => Date;
}

export function createAppHandlers(deps: AppHandlerDeps): Pick<HandlerMap, 'app.info' | 'app.health' | 'settings.get' | 'app.ping'> {
  return {
    'app.info': () => deps.info,
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
