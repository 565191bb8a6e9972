import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * One build for both shells: the main bundle holds the Electron entry (index), the
 * browser-mode server entry (server), which share the services, and the import and search workers; the preload is CommonJS because
 * sandboxed preloads cannot load ES modules; the renderer is the same for Electron and browsers.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          server: resolve(__dirname, 'src/server/index.ts'),
          // Imported files are read in worker threads; the services find this script beside them.
          'import-worker': resolve(__dirname, 'src/services/import/import-worker.ts'),
          // The search index is held, built and queried in a worker thread, found the same way.
          'search-worker': resolve(__dirname, 'src/services/search/search-worker.ts'),
          // So are the shared-text (twins) and related-passages indexes, in a thread of their own.
          'shared-text-worker': resolve(__dirname, 'src/services/search/shared-text-worker.ts'),
        },
        // Shared code goes beside the entries, not in chunks/: the services find the workers'
        // scripts next to their own module (import-worker-script.ts, search-worker-script.ts),
        // and the services land in a chunk shared with the search worker.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // Minified: the renderer is parsed on every start, in both shells.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
