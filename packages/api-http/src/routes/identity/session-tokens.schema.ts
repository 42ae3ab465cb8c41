import type { SessionTokens } from '@hdoc/domain';
import { z } from 'zod';

/** What login and refresh answer (RFC 6749 token response field names). */
export const SessionTokensSchema = z
  .strictObject({
    access_token: z.string().meta({ description: 'JWT, sent as `Authorization: Bearer <token>`' }),
    refresh_token: z.string().meta({ description: 'Opaque; works once: each refresh returns a new one' }),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().meta({ description: 'Lifetime of the access token, in seconds' }),
  })
  .meta({ id: 'SessionTokens' });

/** Token answers must never be stored by any cache (RFC 6749 §5.1). */
export const TOKEN_RESPONSE_HEADERS: Readonly<Record<string, string>> = { 'Cache-Control': 'no-store' };

/** The API shape of freshly issued session tokens. */
export function toSessionTokensJson(tokens: SessionTokens): z.input<typeof SessionTokensSchema> {
  return {
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    token_type: tokens.tokenType,
    expires_in: tokens.expiresIn,
  };
}

/** Fresh session tokens (a 15-minute access token), the example of login and refresh. */
export const SESSION_TOKENS_EXAMPLE = {
  access_token:
    'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzNmYwZS00YjJhLTdjNDEtOWE1ZS0yZjhkM2M2YjFlMDciLCJpYXQiOjE3MzI5NjA4MDAsImV4cCI6MTczMjk2MTcwMH0.' +
    'k3Zq9yTgW1bXc8N4pD0sLh6fVjR2aUeQmCo7IwYtKxE5nB-Pl_Sd3GvHzAiJrMu0OeFy4XqWcT9b2Ns1Lk8Dg',
  refresh_token: 'Yx4fJ2q8pVt0mN6rB1cL9sWd3kHa7gE5uZoQiTyR-_A',
  token_type: 'Bearer',
  expires_in: 900,
} satisfies z.input<typeof SessionTokensSchema>;
