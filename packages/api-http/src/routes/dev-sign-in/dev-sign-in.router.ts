import { ValidationError } from '@hdoc/domain';
import express, { Router, type Request, type Response } from 'express';
import { HttpError } from '../../http/errors/http-error.js';
import { authorizePage, type AuthorizeFields } from './authorize-page.js';
import { DEV_SIGN_IN_PATH, type DevelopmentGitHub } from './development-github.js';

/** The page may use its own inline style and post its form to itself; nothing else. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function authorizeFields(source: Record<string, unknown>): AuthorizeFields {
  return {
    client_id: text(source.client_id),
    redirect_uri: text(source.redirect_uri),
    state: text(source.state),
    code_challenge: text(source.code_challenge),
    code_challenge_method: text(source.code_challenge_method),
  };
}

function sendPage(res: Response, status: number, html: string): void {
  res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_POLICY, 'Cache-Control': 'no-store' }).send(html);
}

/** Refuses an authorize request that does not come from this server's own GitHub sign-in. */
function checkOwn(github: DevelopmentGitHub, fields: AuthorizeFields): void {
  const own = github.isOwnAuthorizeRequest({
    clientId: fields.client_id,
    redirectUri: fields.redirect_uri,
    challengeMethod: fields.code_challenge_method,
    challenge: fields.code_challenge,
  });
  if (!own) throw new HttpError(400, 'invalid_input', 'not an authorize request of this server (client_id, redirect_uri, PKCE S256)');
}

/**
 * The development sign-in's GitHub-compatible endpoints, under `/dev/github`: the authorize page (GET:
 * the form; POST: the chosen username, then 302 to the callback with code and state, as GitHub does),
 * the token endpoint and the user API (`/dev/github/api/user`). Mounted only in local runs without
 * `GITHUB_CLIENT_ID`; the real HttpGitHubOAuth adapter is pointed here.
 */
export function devSignInRouter(github: DevelopmentGitHub): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 });

  router.get(`${DEV_SIGN_IN_PATH}/login/oauth/authorize`, (req: Request, res: Response) => {
    const fields = authorizeFields(req.query);
    checkOwn(github, fields);
    sendPage(res, 200, authorizePage(fields));
  });

  router.post(`${DEV_SIGN_IN_PATH}/login/oauth/authorize`, form, (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const fields = authorizeFields(body);
    checkOwn(github, fields);
    let code: string;
    try {
      code = github.approve(text(body.login), fields.code_challenge, fields.redirect_uri);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      sendPage(res, 400, authorizePage(fields, 'Pick a GitHub-style username: 1 to 39 letters, digits or single hyphens.'));
      return;
    }
    const back = new URL(fields.redirect_uri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', fields.state);
    res.redirect(302, back.toString());
  });

  router.post(`${DEV_SIGN_IN_PATH}/login/oauth/access_token`, form, (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const answer = github.redeem(new URLSearchParams(Object.entries(body).map(([key, value]): [string, string] => [key, text(value)])));
    res.status(200).set('Cache-Control', 'no-store').json(answer);
  });

  router.get(`${DEV_SIGN_IN_PATH}/api/user`, (req: Request, res: Response) => {
    const user = github.user(req.headers.authorization);
    if (user === null) {
      res.status(401).json({ message: 'Bad credentials' });
      return;
    }
    res.status(200).json(user);
  });

  return router;
}
