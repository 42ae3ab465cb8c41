/**
 * The Lambda functions of the stack and the module each one runs: `npm run build:lambda` bundles each
 * entry into `deploy/.build/<name>/index.mjs` (handler `index.handler`), which the SAM template's
 * CodeUri/Handler point at, and the cold-start benchmark measures.
 */
export interface LambdaFunction {
  /** The bundle's folder under deploy/.build. */
  readonly name: string;
  /** The entry module, from the repository root. */
  readonly entry: string;
}

export const LAMBDA_FUNCTIONS: readonly LambdaFunction[] = [
  { name: 'api', entry: 'packages/api-http/src/lambda.ts' },
  { name: 'verify-entry', entry: 'packages/worker/src/lambda/verify-entry.ts' },
  { name: 'ingest-storage-event', entry: 'packages/worker/src/lambda/ingest-storage-event.ts' },
  { name: 'sweep-time-transitions', entry: 'packages/worker/src/lambda/sweep-time-transitions.ts' },
];

/** Native modules shipped in layers for linux-arm64, never bundled. */
export const LAYER_MODULES: readonly string[] = ['sharp', '@node-rs/argon2'];

/** Where the bundles are written, from the repository root. */
export const BUILD_DIR = 'deploy/.build';
