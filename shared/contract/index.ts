/**
 * The IPC contract: every channel and every pushed event, once. Add a domain by writing its own file
 * (channels + events) and spreading it here. Nothing else in the code base declares a channel name.
 */
import type { z } from 'zod';
import { appChannels, appEvents } from './app';
// accounts (w7-accounts)
import { accountsChannels } from './accounts';
import { authChannels, authEvents } from './auth';
import { diagnosticsChannels } from './diagnostics';
import { kioskChannels } from './kiosk';
import { receiptsChannels } from './receipts';
import { salesChannels, salesEvents } from './sales';
import { updatesChannels } from './updates';
// Back office (issue 13)
import { backofficeChannels } from './backoffice';
import type { ChannelMap, EventMap } from './define';
// People, settings, set-up and credentials (issue 10).
import { credentialsChannels } from './credentials';
import { peopleChannels } from './people';
import { settingsChannels } from './settings';
import { setupChannels } from './setup';
// Issue 14 (more to sell): bill payments, countries, pricing in pesos.
import { billpayChannels } from './billpay';
import { catalogChannels } from './catalog';

export const channels = {
  ...appChannels,
  ...authChannels,
  ...salesChannels,
  ...receiptsChannels,
  ...updatesChannels,
  ...diagnosticsChannels,
  ...kioskChannels,
  // People, settings, set-up and credentials (issue 10).
  ...settingsChannels,
  ...peopleChannels,
  ...credentialsChannels,
  ...setupChannels,
  // Back office (issue 13)
  ...backofficeChannels,
  // accounts (w7-accounts)
  ...accountsChannels,
  // Issue 14 (more to sell)
  ...billpayChannels,
  ...catalogChannels,
} satisfies ChannelMap;

export const events = {
  ...appEvents,
  ...authEvents,
  ...salesEvents,
} satisfies EventMap;

export type Channels = typeof channels;
export type Events = typeof events;
export type ChannelName = keyof Channels;
export type EventName = keyof Events;

export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

export type { Envelope } from './define';
