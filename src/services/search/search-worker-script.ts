/** How to start the search worker: a script file, or (from source) code that loads it. */
export interface SearchWorkerScript {
  readonly script: string | URL;
  /** `script` is code to run rather than a file. */
  readonly eval?: boolean;
}

/**
 * Where the search worker's script is, seen from this module: beside the bundle in a build
 * (electron-vite builds `search-worker.js` next to the shells' entries in out/main/), or its
 * TypeScript source when the services run from source (unit tests, benchmarks), which a worker
 * can only load after registering tsx's loader in that worker.
 */
export function searchWorkerScript(moduleUrl: string = import.meta.url): SearchWorkerScript {
  if (!moduleUrl.endsWith('.ts')) return { script: new URL('./search-worker.js', moduleUrl) };
  const source = new URL('./search-worker.ts', moduleUrl).href;
  return { script: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, eval: true };
}
