// `npm run bench`: every benchmark of docs/benchmarks.md, at the three scales, against fresh
// builds. Builds the app if out/ is stale, then runs bench/run-benchmarks.ts (TypeScript, loaded
// through Vite's module runner, as Vitest would), which writes bench/results.json and the table in
// docs/benchmarks.md. Generated data is kept in bench/tmp/ (git-ignored) for the next run.
import { join } from 'node:path';
import { runnerImport } from 'vite';
import { buildIfStale, repoRoot } from '../scripts/build-if-stale.mjs';

try {
  await buildIfStale();
  const { module } = await runnerImport(join(repoRoot, 'bench', 'run-benchmarks.ts'), { root: repoRoot, configFile: false, logLevel: 'error' });
  await module.runBenchmarks();
} catch (error) {
  process.stderr.write(`The benchmarks stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
