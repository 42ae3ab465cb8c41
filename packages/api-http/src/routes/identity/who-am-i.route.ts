import { WhoAmI, type Caller } from '@hdoc/domain';
import { z } from 'zod';
import { instantText } from '../../http/json/instant-text.js';
import { defineRoute } from '../../http/routing/define-route.js';

/** Who the bearer is, told apart by `kind`. */
export const CallerSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('user'),
        id: z.string(),
        username: z.string().meta({ description: 'Lowercase canonical form' }),
        created_at: z.iso.datetime(),
      })
      .meta({ id: 'CallerUser', description: 'A password account' }),
    z
      .strictObject({
        kind: z.literal('participant'),
        github_username: z.string(),
      })
      .meta({ id: 'CallerParticipant', description: 'A challenge participant signed in with GitHub' }),
  ])
  .meta({ id: 'Caller' });

function toCallerJson(caller: Caller): z.input<typeof CallerSchema> {
  return caller.kind === 'user'
    ? { kind: 'user', id: caller.id, username: caller.username, created_at: instantText(caller.createdAt) }
    : { kind: 'participant', github_username: caller.githubUsername };
}

/** GET /me: who the bearer is, for either kind of sign-in (`/users/me` stays the password account). */
export const whoAmIRoute = defineRoute({
  method: 'get',
  path: '/me',
  operationId: 'whoAmI',
  summary: 'Who am I',
  description:
    'The bearer as `{"kind": "user", id, username, created_at}` (password account) or ' +
    '`{"kind": "participant", github_username}` (GitHub sign-in).',
  tags: ['identity'],
  auth: 'bearer',
  responses: { 200: CallerSchema },
  examples: { 200: { kind: 'user', id: '01936f0e-4b2a-7c41-9a5e-2f8d3c6b1e07', username: 'ada.lovelace', created_at: '2024-11-28T14:07:31.512Z' } },
  errors: [404],
}).handle(async ({ principal, resolve }) => {
  return { status: 200, body: toCallerJson(await resolve(WhoAmI).execute({ actor: principal })) };
});
