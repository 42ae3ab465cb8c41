/**
 * `npm run start:aws-local`: the production path on this machine. Starts DynamoDB Local and
 * moto_server (or reuses the ones AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL name), provisions the
 * tables, bucket, queues, dead-letter queues and the bucket -> queue notification, migrates PostgreSQL,
 * then serves the API and runs the worker's long-polling consumers and the sweep on the AWS adapters,
 * with PostgreSQL and Redis on loopback.
 */
import { loadHttpConfig } from '@hdoc/api-http';
import { migrateDatabase, startLocalStack } from '@hdoc/adapters-aws/local';
import { ConfigError } from '@hdoc/composition';
import { composeLocalApp } from '../compose-local-app.js';
import { serveLocalApp } from '../serve-local-app.js';
import { awsLocalEnvironment } from './aws-local-environment.js';

async function main(): Promise<void> {
  const stack = await startLocalStack({
    motoEndpoint: process.env['AWS_ENDPOINT_URL'] || undefined,
    dynamoDbEndpoint: process.env['AWS_ENDPOINT_URL_DYNAMODB'] || undefined,
  });
  try {
    const environment = awsLocalEnvironment(stack.environment, process.env);
    // The SDK clients read their credentials and region from the process environment.
    Object.assign(process.env, environment);
    const config = loadHttpConfig(environment);
    await migrateDatabase({ connectionString: config.postgres.connectionString, schema: config.postgres.schema });
    const local = await composeLocalApp(config, { developmentSignIn: true });
    local.closers.register('emulators', () => stack.stop());
    serveLocalApp(config, local);
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
