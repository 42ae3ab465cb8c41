import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript sources through this export condition. */
const sourceConditions = ['@hdoc/source', 'node', 'default'];

const packages = [
  'domain',
  'adapters-memory',
  'adapters-node',
  'adapters-aws',
  'contract-tests',
  'composition',
  'api-http',
  'worker',
  'local-run',
] as const;

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@hdoc/source'] } },
  test: {
    projects: packages.map((name) => ({
      extends: true,
      test: {
        name,
        root: `packages/${name}`,
        include: ['test/**/*.test.ts'],
        environment: 'node',
        // One moto_server (S3, SQS, SSM, Secrets Manager) and one DynamoDB Local for the AWS adapters' tests.
        ...(name === 'adapters-aws'
          ? { globalSetup: ['test/support/moto.global-setup.ts', 'test/support/dynamodb.global-setup.ts'] }
          : {}),
      },
    })),
    passWithNoTests: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
