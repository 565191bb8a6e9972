// `npm run bench`: every benchmark of docs/benchmarks.md, at the three scales, against fresh
// builds. Builds the app if out/ is stale, then runs bench/run-benchmarks.ts (TypeScript, loaded
// through Vite's module runner, as Vitest would), which writes bench/results.json and the table in
// docs/benchmarks.md. Generated data is kept in bench/tmp/ (git-ignored) for the next run.
// `npm run bench -- --only startup` runs only the start-up figures and prints them, writing nothing.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';
import { buildIfStale, repoRoot } from '../scripts/build-if-stale.mjs';

try {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  await buildIfStale();
  // The search libraries compared with (bench/package.json), installed once into bench/node_modules.
  const peers = await runnerImport(join(repoRoot, 'bench', 'search-peers.ts'), { root: repoRoot, configFile: false, logLevel: 'error' });
  peers.module.ensurePeersInstalled();
  const { module } = await runnerImport(join(repoRoot, 'bench', 'run-benchmarks.ts'), { root: repoRoot, configFile: false, logLevel: 'error' });
  const only = values.only ?? null;
  if (only !== null && !module.BENCHMARK_GROUPS.includes(only)) throw new Error(`--only takes one of: ${module.BENCHMARK_GROUPS.join(', ')} (not "${only}").`);
  await module.runBenchmarks(only);
} catch (error) {
  process.stderr.write(`The benchmarks stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
