import { z } from 'zod';
import { ERROR_CODES } from '../errors/http-error.js';

/** One invalid input of a 400. */
export const FieldIssueSchema = z
  .strictObject({
    field: z.string().meta({ description: 'Where: `body.tags[3]`, `query.limit`, `path.id` (odd keys quoted: `body["a b"]`)' }),
    message: z.string().meta({ description: 'What is wrong, for people: `must be at most 100`, `is required`, `unknown field`' }),
  })
  .meta({ id: 'FieldIssue' });

/** The `error` object of every error answer. */
export const ErrorObjectSchema = z.strictObject({
  code: z.enum(ERROR_CODES).meta({ description: 'Stable, one per meaning; the overview lists each with its status' }),
  message: z.string(),
  details: z
    .array(FieldIssueSchema)
    .meta({ description: 'Every invalid field of a 400 (at least one); an empty list with any other status' }),
});

/** `{"error": {"code", "message", "details"}}`: the body of every error response, as documented. */
export const ErrorResponseSchema = z.strictObject({ error: ErrorObjectSchema }).meta({ id: 'ErrorResponse' });
