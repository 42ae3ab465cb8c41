import { z } from 'zod';

const ERROR_CODES = [
  'invalid_input',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'username_taken',
  'concurrent_update',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'invalid_grant',
  'internal',
  'dependency_unavailable',
] as const;

/** `{"error": {"code", "message", "field"?}}`: the body of every error response, as documented. */
export const ErrorResponseSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      field: z.string().optional().meta({ description: 'Path of the offending input, e.g. body.tags[3]' }),
    }),
  })
  .meta({ id: 'ErrorResponse' });
