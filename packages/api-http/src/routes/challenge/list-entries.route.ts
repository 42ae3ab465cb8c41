import { ListEntries } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { GithubUsernameParams, pageQuery } from './challenge-inputs.js';
import { ENTRY_EXAMPLE, EntrySchema, toEntryJson } from './entry-json.js';
import { pageSchema, toPageJson } from './page-json.js';

const EntryPageSchema = pageSchema(EntrySchema, 'EntryPage');

/** `GET /profiles/{github_username}/entries`: public, by day then type (github before twitter). */
export const listEntriesRoute = defineRoute({
  method: 'get',
  path: '/profiles/{github_username}/entries',
  operationId: 'listEntries',
  summary: "List a participant's entries",
  tags: ['challenge'],
  auth: 'none',
  request: { params: GithubUsernameParams, query: z.object(pageQuery) },
  responses: { 200: EntryPageSchema },
  examples: { 200: { items: [ENTRY_EXAMPLE], next_cursor: null } },
  errors: [404],
}).handle(async ({ params, query, resolve }) => {
  const page = await resolve(ListEntries).execute({
    githubUsername: params.github_username,
    ...(query.limit === undefined ? {} : { limit: query.limit }),
    cursor: query.cursor ?? null,
  });
  return { status: 200, body: toPageJson(page, toEntryJson) };
});
