/** Sign-in by PIN and the signed-in user. */
import { z } from 'zod';
import { defineChannel, defineEvent } from './define';

/** cashier: sells; owner: also pays out, closes the day, edits settings and users; tech: also reads diagnostics. */
export const RoleSchema = z.enum(['cashier', 'owner', 'tech']);
export const UserSchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema });
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({ user: UserSchema.nullable() });

export const authChannels = {
  'auth.signIn': defineChannel({
    input: z.object({ pin: z.string().regex(/^\d{4,6}$/, '4 to 6 digits') }).strict(),
    output: z.object({ user: UserSchema }),
    access: 'public',
    description: 'Sign in with a PIN; repeated failures lock the PIN for a while',
  }),
  'auth.signOut': defineChannel({
    input: z.object({}).strict(),
    output: SessionSchema,
    access: 'public',
    description: 'Sign out (switch cashier); signed out it does nothing and says nothing more',
  }),
  'auth.current': defineChannel({
    input: z.object({}).strict(),
    output: SessionSchema,
    access: 'public',
    description: 'Who is signed in, if anyone',
  }),
};

export const authEvents = {
  'session.changed': defineEvent({ payload: SessionSchema, description: 'Someone signed in or out' }),
};
