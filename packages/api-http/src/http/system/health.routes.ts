import { z } from 'zod';
import { FieldIssueSchema } from '../openapi/error-schema.js';
import { defineRoute, type Route } from '../routing/define-route.js';
import type { ReadinessCheck } from '@hdoc/composition';
import { runReadinessChecks } from './readiness.js';

const CheckResultSchema = z.strictObject({
  name: z.string(),
  status: z.enum(['ok', 'failed']),
  duration_ms: z.number().int().nonnegative(),
});

const ReadySchema = z.strictObject({ status: z.literal('ok'), checks: z.array(CheckResultSchema) });

/** The API's error shape (`message` names the failed checks) with every check's outcome beside it. */
const NotReadySchema = z.strictObject({
  error: z.strictObject({
    code: z.literal('dependency_unavailable'),
    message: z.string().meta({ example: 'not ready: token-signing-key' }),
    details: z.array(FieldIssueSchema).max(0),
  }),
  checks: z.array(CheckResultSchema),
});

/** `/healthz` (the process answers) and `/readyz` (every configured dependency answers). */
export function healthRoutes(checks: () => readonly ReadinessCheck[], checkTimeoutMs = 2_000): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'getHealth',
      summary: 'Liveness: the process is up',
      tags: ['system'],
      auth: 'none',
      responses: { 200: z.strictObject({ status: z.literal('ok') }) },
      examples: { 200: { status: 'ok' } },
    }).handle(async () => ({ status: 200, body: { status: 'ok' } })),
    defineRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'getReadiness',
      summary: 'Readiness: every configured dependency answers',
      description:
        'Runs every configured check at once (each bounded to 2 s) and reports each by name. 503 names the failed ones ' +
        'in `error.message` and lists every outcome in `checks`; why a check failed goes to the logs only.',
      tags: ['system'],
      auth: 'none',
      responses: { 200: ReadySchema, 503: NotReadySchema },
      examples: {
        200: {
          status: 'ok',
          checks: [
            { name: 'token-signing-key', status: 'ok', duration_ms: 2 },
            { name: 'in-process-worker', status: 'ok', duration_ms: 0 },
          ],
        },
      },
    }).handle(async ({ log, res }) => {
      res.setHeader('Cache-Control', 'no-store');
      const readiness = await runReadinessChecks(checks(), checkTimeoutMs);
      if (readiness.ready) return { status: 200, body: { status: 'ok', checks: [...readiness.checks] } };
      for (const { name, error } of readiness.failures) log.warn({ err: error, check: name }, 'readiness check failed');
      const failed = readiness.failures.map(({ name }) => name).join(', ');
      return {
        status: 503,
        body: { error: { code: 'dependency_unavailable', message: `not ready: ${failed}`, details: [] }, checks: [...readiness.checks] },
      };
    }),
  ];
}
