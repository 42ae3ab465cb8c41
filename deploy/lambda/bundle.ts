import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUILD_DIR, LAYER_MODULES, type LambdaFunction } from './functions.js';

/** One function's bundle as written. */
export interface BuiltBundle {
  readonly name: string;
  /** Absolute path of `index.mjs`. */
  readonly file: string;
  /** Every JavaScript file of the function (the entry and its chunks): what Lambda loads at most. */
  readonly bytes: number;
  /** The entry file alone: what every cold start loads. */
  readonly entryBytes: number;
  /** What the entry exports (the handler among them). */
  readonly exports: readonly string[];
}

/**
 * Bundles one function for nodejs22.x: ESM (the entries await their composition at module load),
 * minified, the workspace packages from their TypeScript sources (the `@hdoc/source` condition), the
 * AWS SDK included at the versions the lockfile pins (not the runtime's own), the native modules left
 * to their layers. A `require` is provided for the CommonJS dependencies that call it.
 */
export async function bundleFunction(root: string, fn: LambdaFunction, outRoot = join(root, BUILD_DIR)): Promise<BuiltBundle> {
  const outDir = join(outRoot, fn.name);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: [join(root, fn.entry)],
    outdir: outDir,
    entryNames: 'index',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // What an entry loads with import() (the AWS assemblies, a group's adapters) becomes a chunk of its
    // own, read only when the function's configuration asks for it.
    splitting: true,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    sourcemap: 'linked',
    conditions: ['@hdoc/source'],
    // ESM builds first (the AWS SDK's dist-es), which esbuild can tree-shake; CommonJS ones cannot be.
    mainFields: ['module', 'main'],
    external: [...LAYER_MODULES, 'pg-native'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const files = await readdir(outDir, { recursive: true });
  const sizes = await Promise.all(files.filter((name) => name.endsWith('.mjs')).map(async (name) => (await stat(join(outDir, name))).size));
  const entry = Object.values(metafile.outputs).find((output) => output.entryPoint === fn.entry);
  return { name: fn.name, file, bytes: sizes.reduce((sum, size) => sum + size, 0), entryBytes: (await stat(file)).size, exports: entry?.exports ?? [] };
}
