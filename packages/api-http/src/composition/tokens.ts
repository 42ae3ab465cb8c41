import { token } from '@hdoc/domain';
import type { Logger } from 'pino';
import type { Authenticate } from '../http/routing/authenticate.js';
import type { ReadinessCheck } from '../http/system/readiness.js';
import type { Closers } from './closers.js';
import type { HttpConfig } from './config.js';

/** The validated configuration. */
export const HttpConfigToken = token<HttpConfig>('api-http.Config');
/** The root logger (request handlers get request-scoped children). */
export const LoggerToken = token<Logger>('api-http.Logger');
/** Shutdown registry. */
export const ClosersToken = token<Closers>('api-http.Closers');
/** Bearer token -> principal; bind it where identity is wired (unbound: every token is rejected). */
export const AuthenticateToken = token<Authenticate>('api-http.Authenticate');
/** Readiness checks; bind several (each adapter family its own). */
export const ReadinessCheckToken = token<ReadinessCheck>('api-http.ReadinessCheck');
