import { SubmitEntry } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { entryTypeEnum, integerText } from './challenge-inputs.js';
import { ENTRY_EXAMPLE, EntrySchema, toEntryJson } from './entry-json.js';

/**
 * `PUT /profiles/me/entries/{day}/{entry_type}`: creates the entry or replaces its url, and queues its
 * verification. Always 200, never 201: the PUT is an idempotent upsert that clients retry after any
 * failure, and a retry whose first attempt was applied must get the same answer as that attempt.
 */
export const submitEntryRoute = defineRoute({
  method: 'put',
  path: '/profiles/me/entries/{day}/{entry_type}',
  operationId: 'submitMyEntry',
  summary: "Submit (or replace) my entry for a day",
  description:
    'Idempotent upsert, answered 200 whether the entry was created, changed or already so. A new url resets ' +
    'verification (`verified: false`, `confidence: 0`, `verification.status: pending`) and queues it; the same url ' +
    'again re-checks a rejected entry (back to pending) and leaves a verified one as it is; the worker updates the entry, the ' +
    'profile and the leaderboard when the verifier answers. The entry keeps the local date of its first submission.',
  tags: ['challenge'],
  auth: 'bearer',
  request: {
    params: z.object({ day: integerText(1, 100), entry_type: entryTypeEnum }),
    body: z
      .strictObject({ url: z.string().min(1).max(2048).meta({ description: 'Absolute http(s) URL of the work or the post' }) })
      .meta({ id: 'EntrySubmission' }),
  },
  responses: { 200: EntrySchema },
  examples: { 200: ENTRY_EXAMPLE },
  errors: [403, 404, 409, 429],
}).handle(async ({ params, body, principal, resolve }) => {
  const { entry } = await resolve(SubmitEntry).execute({
    actor: principal,
    day: params.day,
    entryType: params.entry_type,
    url: body.url,
  });
  return { status: 200, body: toEntryJson(entry) };
});
