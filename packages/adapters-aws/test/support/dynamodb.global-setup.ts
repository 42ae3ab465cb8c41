import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../src/local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the DynamoDB Local the adapters-aws global setup started. */
    dynamoEndpoint: string;
  }
}

/**
 * One DynamoDB Local (in memory) for the whole adapters-aws test run, shared through
 * `inject('dynamoEndpoint')`; each test file creates its own tables under a unique name prefix.
 * The server listens on all interfaces (DynamoDB Local has no host option), on a port the OS chose.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', server.endpoint);
  return () => server.stop();
}
