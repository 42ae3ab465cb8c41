/**
 * `npm run bench -- <name> [more names]`: runs `packages/<pkg>/bench/<name>.bench.ts` (or
 * `deploy/bench/<name>.bench.ts`) in a fresh
 * Node process each (with --expose-gc so memory figures are taken after a collection).
 * Without a name it lists the benchmarks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const benches = new Map<string, string>();
const benchDirs = [...readdirSync(join(root, 'packages')).map((pkg) => join(root, 'packages', pkg, 'bench')), join(root, 'deploy', 'bench')];
for (const dir of benchDirs) {
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.bench.ts')) benches.set(file.slice(0, -'.bench.ts'.length), join(dir, file));
  }
}

const names = process.argv.slice(2);
if (names.length === 0) {
  console.log(`benchmarks: ${[...benches.keys()].sort().join(', ')}`);
  process.exit(0);
}
for (const name of names) {
  const file = benches.get(name);
  if (!file) {
    console.error(`unknown benchmark "${name}"; known: ${[...benches.keys()].sort().join(', ')}`);
    process.exit(2);
  }
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--conditions=@hdoc/source', '--import', 'tsx', file],
    { stdio: 'inherit', cwd: root },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
