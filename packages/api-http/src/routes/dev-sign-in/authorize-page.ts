const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The authorize request's fields the form carries back unchanged. */
export interface AuthorizeFields {
  readonly client_id: string;
  readonly redirect_uri: string;
  readonly state: string;
  readonly code_challenge: string;
  readonly code_challenge_method: string;
}

/**
 * The development sign-in page: labelled as not GitHub everywhere a user looks (title, heading,
 * button), one username field, the authorize request's fields hidden. No script.
 */
export function authorizePage(fields: AuthorizeFields, error?: string): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const problem = error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Development sign-in — not GitHub</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
    .banner { background: #fff3cd; border: 2px solid #d4a106; padding: 0.75rem 1rem; border-radius: 6px; }
    .error { color: #a00; }
    label, input, button { font-size: 1rem; }
    input[type=text] { width: 100%; padding: 0.4rem; margin: 0.4rem 0 1rem; box-sizing: border-box; }
  </style>
</head>
<body>
  <h1>Development sign-in — not GitHub</h1>
  <p class="banner"><strong>This is not GitHub.</strong> This local server has no GitHub OAuth app configured
    (<code>GITHUB_CLIENT_ID</code> is unset), so it stands in for GitHub: pick any username and you are that
    participant on this server. Never offered in a deployment.</p>
  ${problem}
  <form method="post">
    <label for="login">GitHub-style username</label>
    <input type="text" id="login" name="login" required maxlength="39" pattern="[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}" autocomplete="username" autofocus>
      ${hidden}
    <button type="submit">Sign in as this user (development only)</button>
  </form>
</body>
</html>
`;
}
