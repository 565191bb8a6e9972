// The crash-safety harness (tests/stress/crash-safety.test.ts) at full length:
//   npm run test:crash                      1,000 kills
//   npm run test:crash -- --short           50 kills, as in npm test
//   npm run test:crash -- --kills N --seed S
// Figures go to test-results/stress/crash-<kills>.json; docs/reliability.md quotes the last full run.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInForeground } from './run-child.mjs';
import { repoRoot } from './build-if-stale.mjs';

function parse(argv) {
  const options = { kills: 1000, seed: 20260501 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--short') options.kills = 50;
    else if ((arg === '--kills' || arg === '--seed') && /^\d+$/.test(argv[i + 1] ?? '')) options[arg.slice(2)] = Number(argv[++i]);
    else {
      process.stderr.write(`Unknown argument ${JSON.stringify(arg)}. Use --short, --kills <number> or --seed <number>.\n`);
      process.exit(2);
    }
  }
  return options;
}

const { kills, seed } = parse(process.argv.slice(2));
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
runInForeground(process.execPath, [vitest, 'run', 'tests/stress/crash-safety.test.ts'], {
  cwd: repoRoot,
  env: { ...process.env, NOTEBOOK_CRASH_KILLS: String(kills), NOTEBOOK_CRASH_SEED: String(seed) },
});
