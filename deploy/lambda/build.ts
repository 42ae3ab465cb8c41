/**
 * `npm run build:lambda`: bundles every function of deploy/lambda/functions.ts into deploy/.build and
 * prints each bundle's size; fails past 3 MB (the budget, minified).
 */
import { join } from 'node:path';
import { bundleFunction } from './bundle.js';
import { LAMBDA_FUNCTIONS } from './functions.js';

/** A bundle larger than this fails the build. */
const MAX_BUNDLE_BYTES = 3 * 1024 * 1024;

const root = join(import.meta.dirname, '..', '..');
let tooLarge = false;
for (const fn of LAMBDA_FUNCTIONS) {
  const bundle = await bundleFunction(root, fn);
  const over = bundle.bytes > MAX_BUNDLE_BYTES;
  tooLarge ||= over;
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0).padStart(6)} KiB`;
  console.log(`${fn.name.padEnd(24)} ${kib(bundle.bytes)} in all, entry ${kib(bundle.entryBytes)}  ${bundle.file}${over ? '  OVER 3 MB' : ''}`);
}
if (tooLarge) process.exit(1);
