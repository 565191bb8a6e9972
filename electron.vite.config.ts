import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * One build for both shells: the main bundle holds the Electron entry (index), the
 * browser-mode server entry (server), which share the services, and the import worker; the preload is CommonJS because
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
        },
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
