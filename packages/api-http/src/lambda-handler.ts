import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import serverless from 'serverless-http';
import type { HttpComposition } from './composition/compose-http-app.js';

/** An API Gateway HTTP API (payload format 2.0) Lambda handler. */
export type HttpApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Serves the composed express app to API Gateway events. The composition is awaited, not rebuilt:
 * it is created once per cold start and shared by every invocation of the instance.
 */
export function createLambdaHandler(composition: Promise<HttpComposition>): HttpApiHandler {
  const serve = composition.then(({ app }) => serverless(app, { provider: 'aws' }));
  return async (event, context) => {
    const handle = await serve;
    return (await handle(event, context)) as APIGatewayProxyStructuredResultV2;
  };
}
