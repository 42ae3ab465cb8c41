import { token } from '@hdoc/domain';
import type { Authenticate } from '../http/routing/authenticate.js';
import type { HttpConfig } from './config.js';

/** The validated configuration. */
export const HttpConfigToken = token<HttpConfig>('api-http.Config');
/** Bearer token -> principal; bind it where identity is wired (unbound: every token is rejected). */
export const AuthenticateToken = token<Authenticate>('api-http.Authenticate');
