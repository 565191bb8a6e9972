/** How to start the import worker: a script file, or (from source) code that loads it. */
export interface ImportWorkerScript {
  readonly script: string | URL;
  /** `script` is code to run rather than a file (see below). */
  readonly eval?: boolean;
}

/**
 * Where the import worker's script is, seen from this module: beside the bundle in a build
 * (electron-vite builds `import-worker.js` next to the shells' entries in out/main/), or its
 * TypeScript source when the services run from source (unit tests), which a worker can only load
 * after registering tsx's loader in that worker.
 */
export function importWorkerScript(moduleUrl: string = import.meta.url): ImportWorkerScript {
  if (!moduleUrl.endsWith('.ts')) return { script: new URL('./import-worker.js', moduleUrl) };
  const source = new URL('./import-worker.ts', moduleUrl).href;
  return { script: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, eval: true };
}
