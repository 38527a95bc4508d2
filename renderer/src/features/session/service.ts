/** The contract channels the session uses: signing in and out, and what the app knows at boot. */
import { call } from '../../bridge/client';

export const sessionService = {
  signIn: (pin: string) => call('auth.signIn', { pin }),
  signOut: () => call('auth.signOut', {}),
  current: () => call('auth.current', {}),
  info: () => call('app.info', {}),
  settings: () => call('settings.get', {}),
};
