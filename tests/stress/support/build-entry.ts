import { join, resolve } from 'node:path';
import { build } from 'vite';

const repoRoot = resolve(__dirname, '..', '..', '..');

/**
 * Bundles a TypeScript entry (with the services it imports and their packages) into one ES module
 * that plain Node runs, written into `outDir` (the caller's temp folder); returns its path. A child
 * process started from it loads in a fraction of the time a TypeScript loader would take, which
 * matters when it is started a thousand times.
 */
export async function buildEntry(entry: string, outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      ssr: resolve(entry),
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'entry.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, 'entry.mjs');
}
