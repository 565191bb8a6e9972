/** How to start the shared-text worker: a script file, or (from source) code that loads it. */
export interface SharedTextWorkerScript {
  readonly script: string | URL;
  /** `script` is code to run rather than a file. */
  readonly eval?: boolean;
}

/**
 * Where the shared-text worker's script is, seen from this module: beside the bundle in a build
 * (electron-vite builds `shared-text-worker.js` next to the shells' entries in out/main/), or its
 * TypeScript source when the services run from source (unit tests, benchmarks), which a worker
 * can only load after registering tsx's loader in that worker.
 */
export function sharedTextWorkerScript(moduleUrl: string = import.meta.url): SharedTextWorkerScript {
  if (!moduleUrl.endsWith('.ts')) return { script: new URL('./shared-text-worker.js', moduleUrl) };
  const source = new URL('./shared-text-worker.ts', moduleUrl).href;
  return { script: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, eval: true };
}
