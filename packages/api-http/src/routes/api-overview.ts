/**
 * The overview at the top of the OpenAPI document (`info.description`, Markdown): what a web team
 * needs before the first request. The app appends the table of error codes.
 */
export const API_OVERVIEW = `
The hdoc API: the 100 days of cloud challenge (profiles, daily entries, leaderboard) and a private photo
catalog. JSON in and out, \`snake_case\` fields, instants as RFC 3339 UTC (\`2026-01-31T12:00:00.000Z\`).

## Signing in

- **Password accounts**: \`POST /users {username, password}\` signs up; \`POST /sessions {username, password}\`
  logs in and answers \`{access_token, refresh_token, token_type: "Bearer", expires_in}\`.
- **GitHub (challenge participants)**: send the browser to \`GET /auth/github?return_to=<page URL>\`
  (\`return_to\` must be on a configured frontend origin, without a fragment). After GitHub, the browser comes
  back to \`return_to\` with a one-time code in the fragment (\`#code=...\`, valid 60 s); the page exchanges it
  with \`POST /sessions/github {code}\` for the same tokens. Tokens never travel in a URL. Without \`return_to\`
  the callback answers the tokens as JSON.
- Send \`Authorization: Bearer <access_token>\` on the routes marked with a lock. \`GET /me\` says who you are.

## Token lifetimes

- The **access token** lives 15 minutes (\`expires_in\`, seconds). Refresh before it ends, or on a 401.
- \`POST /sessions/refresh {refresh_token}\` **rotates**: it answers a new pair, and the refresh token sent is
  used up. Presenting a used refresh token again is treated as theft and ends the whole session, except
  within a short grace window after its rotation (15 s by default), where a second tab gets a sibling pair.
- A session ends after 7 days without a refresh, and after 30 days in any case. \`DELETE /sessions/current\`
  logs out (with the bearer token, or with \`{refresh_token}\` alone); \`DELETE /sessions\` logs out everywhere.

## Browsers (CORS)

Only the origins in the server's \`CORS_ORIGINS\` may call the API from a page (\`*\` allows any origin; the
API uses bearer tokens, never cookies, for its routes). Requests may send \`Authorization\`, \`Content-Type\`
and \`X-Request-Id\`; answers expose \`X-Request-Id\`, \`Retry-After\` and \`WWW-Authenticate\`. Preflights are
cached for 10 minutes.

## Uploading a photo

1. \`POST /photos/uploads {filename, content_type, size}\` answers \`{photo_id, upload: {url, fields}, expires_at}\`.
2. POST a \`multipart/form-data\` form to \`upload.url\` (S3 in production, \`/local-uploads\` in a local run):
   **every field of \`upload.fields\` first**, unchanged, **then the file as the last part, named \`file\`**.
   Parts after the file are ignored. The file must be 1 byte up to the declared \`size\` (at most 20 MiB by
   default) and of the declared type; anything else is refused with 403 and nothing is stored. The form
   expires at \`expires_at\` (15 minutes).
3. The photo is \`pending\` until the worker has checked it, then \`ready\` (with \`view_url\` and
   \`thumbnail_url\`) or \`rejected\` (with \`rejection_reason\`): poll \`GET /photos/{id}\`.

## Lists

Lists answer \`{items, next_cursor}\`; pass \`next_cursor\` back as \`cursor\` for the next page (\`null\` at the
end). \`limit\` is 20 by default, at most 100. Unknown query parameters are ignored; an empty value counts as
absent; a parameter given twice where one is expected is a 400.

## Requests

Every answer carries \`X-Request-Id\` (yours, if you send a sane one): quote it when reporting a problem.
JSON bodies are at most 64 KiB and must be UTF-8 (\`application/json\`); unknown body fields are refused.
`.trim();
