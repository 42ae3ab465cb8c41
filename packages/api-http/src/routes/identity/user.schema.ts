import type { UserView } from '@hdoc/domain';
import { z } from 'zod';
import { instantText } from '../../http/json/instant-text.js';

/** A password account as clients see it: never the password hash. */
export const UserSchema = z
  .strictObject({
    id: z.string(),
    username: z.string().meta({ description: 'Lowercase canonical form' }),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'User' });

/** The API shape of a user. */
export function toUserJson(user: UserView): z.input<typeof UserSchema> {
  return { id: user.id, username: user.username, created_at: instantText(user.createdAt) };
}

/**
 * Credentials as sign-up and login take them. Only types and a hard size cap here: the username and
 * password policies belong to the domain, which names the offending field itself.
 */
export const CredentialsSchema = z.strictObject({
  username: z.string().max(256).meta({ description: '3 to 32 characters of a-z, 0-9, "_", "." or "-" (any case)' }),
  password: z.string().max(1024).meta({ description: '8 to 128 characters (Unicode code points)' }),
});

/** A password account, the example of every user answer. */
export const USER_EXAMPLE = {
  id: '01936f0e-4b2a-7c41-9a5e-2f8d3c6b1e07',
  username: 'ada.lovelace',
  created_at: '2024-11-28T14:07:31.512Z',
} satisfies z.input<typeof UserSchema>;
