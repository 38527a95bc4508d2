/**
 * Building blocks of the IPC contract. A channel is a request the renderer makes (zod input and output);
 * an event is something the main side pushes (zod payload). Channel and event names are written once,
 * as keys of the maps in ./index.ts; everything else (handlers, preload allowlist, renderer client) is typed
 * and derived from those maps.
 */
import type { z } from 'zod';
import type { AppErrorShape } from '../errors';

export interface ChannelDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Who may call it: anyone (sign-in, app info), a signed-in user, or an owner. */
  access: 'public' | 'user' | 'owner';
  description: string;
}

export interface EventDefinition<P extends z.ZodType = z.ZodType> {
  payload: P;
  description: string;
}

export const defineChannel = <I extends z.ZodType, O extends z.ZodType>(definition: ChannelDefinition<I, O>) => definition;
export const defineEvent = <P extends z.ZodType>(definition: EventDefinition<P>) => definition;

export type ChannelMap = Record<string, ChannelDefinition>;
export type EventMap = Record<string, EventDefinition>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
