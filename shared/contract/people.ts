/**
 * The people who work the counter: the owner adds, disables and resets PINs; anyone changes their own PIN
 * by typing the old one. A PIN is never in any answer. A disabled user keeps their name on the sales they made.
 * PIN rules (core: electron/core/auth/pin-rules.ts): 4–6 digits, unique in the shop, and in live mode not a
 * weak one (one digit repeated, an ascending or descending run such as 1234 or 9876).
 */
import { z } from 'zod';
import { RoleSchema } from './auth';
import { defineChannel } from './define';

export const PinSchema = z.string().regex(/^\d{4,6}$/, '4 to 6 digits');
export const PersonNameSchema = z.string().min(1, 'a name is needed').max(40, 'at most 40 characters').regex(/\S/, 'a name is needed');
const UserIdSchema = z.string().min(1).max(64);

export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** Disabled: cannot sign in; kept for the history of what they did. */
  active: z.boolean(),
  /** One of the demo cashier and owner seeded in demo mode. */
  demo: z.boolean(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

export const peopleChannels = {
  'users.list': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ users: z.array(PersonSchema) }),
    access: 'owner',
    description: 'Everyone who has worked here, active first; never a PIN or its hash',
  }),
  'users.add': defineChannel({
    input: z.object({ name: PersonNameSchema, role: RoleSchema, pin: PinSchema }).strict(),
    output: z.object({ user: PersonSchema }),
    access: 'owner',
    description: 'Adds a cashier, owner or technician with a PIN nobody else has (weak PINs refused in live mode)',
  }),
  'users.disable': defineChannel({
    input: z.object({ id: UserIdSchema }).strict(),
    output: z.object({ user: PersonSchema }),
    access: 'owner',
    description: 'The user can no longer sign in; their history stays. The last active owner cannot be disabled',
  }),
  'users.resetPin': defineChannel({
    input: z.object({ id: UserIdSchema, pin: PinSchema }).strict(),
    output: z.object({ user: PersonSchema }),
    access: 'owner',
    description: "Gives a user a new PIN (the owner's reset for a forgotten one)",
  }),
  'users.changeOwnPin': defineChannel({
    input: z.object({ oldPin: PinSchema, newPin: PinSchema }).strict(),
    output: z.object({ user: PersonSchema }),
    access: 'cashier',
    description: 'The signed-in user changes their own PIN by typing the old one first',
  }),
};
