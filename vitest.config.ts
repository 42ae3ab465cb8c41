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

/** The emulators' global setups, from the project root `packages/<name>`. */
const emulatorSetup = (name: string): string[] =>
  ['moto', 'dynamodb'].map((emulator) => `${name === 'adapters-aws' ? '' : '../adapters-aws/'}test/support/${emulator}.global-setup.ts`);

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@hdoc/source'] } },
  test: {
    projects: [
      // The deployment's own checks: the SAM template against the code it deploys.
      { extends: true, test: { name: 'deploy', root: 'deploy', include: ['test/**/*.test.ts'], environment: 'node' } },
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `packages/${name}`,
          include: ['test/**/*.test.ts'],
          environment: 'node',
          // One moto_server (S3, SQS, SSM, Secrets Manager) and one DynamoDB Local per run, for the AWS adapters'
          // tests and for the API's black-box flows on the whole AWS path (local-run/test/aws-flows).
          // The worker's process and DLQ tests (worker/test/process, worker/test/dlq) use them too.
          ...(name === 'adapters-aws' || name === 'local-run' || name === 'worker' ? { globalSetup: emulatorSetup(name) } : {}),
        },
      })),
    ],
    passWithNoTests: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
