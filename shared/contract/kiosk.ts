/**
 * Channels of the kiosk: leaving the app. In kiosk mode the window refuses to close; only an owner or a
 * technician signed in, or a cashier with an owner's PIN typed on the spot (recorded), may ask the host to exit,
 * or to exit and start again (`restart`: provider keys typed on the screen take effect at the next start).
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { OwnerPinSchema } from './sales';

export const kioskChannels = {
  'app.requestExit': defineChannel({
    input: z.object({ ownerPin: OwnerPinSchema.optional(), restart: z.boolean().optional() }).strict(),
    /** `exiting`: the host closes the app now, and starts it again when asked (false where no host can, e.g. the browser host). */
    output: z.object({ exiting: z.boolean() }),
    access: 'tech',
    ownerOverride: true,
    description: 'Close Saldo, or close and start it again (the only way out of kiosk mode): an owner or a technician, or a cashier with an owner PIN',
  }),
};
