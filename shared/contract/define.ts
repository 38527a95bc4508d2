/**
 * Building blocks of the IPC contract. A channel is a request the renderer makes (zod input and output);
 * an event is something the main side pushes (zod payload). Channel and event names are written once,
 * as keys of the maps in ./index.ts; everything else (handlers, preload allowlist, renderer client) is typed
 * and derived from those maps.
 */
import type { z } from 'zod';
import type { AppErrorShape } from '../errors';

export const ACCESS_LEVELS = ['public', 'cashier', 'owner', 'tech'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export interface ChannelDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /**
   * Who may call it, enforced by the core's one dispatcher: `public` (signed out too: read-only, reveals nothing
   * about the machine), `cashier` (anyone signed in), `owner` (owners only), `tech` (a technician or an owner).
   */
  access: AccessLevel;
  /**
   * For an `owner` channel: a cashier may call it when the input carries an owner's PIN (`ownerPin`), typed on
   * the spot. The dispatcher checks the PIN and records who overrode what; the handler learns the owner's id.
   */
  ownerOverride?: true;
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
