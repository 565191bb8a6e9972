import { readFileSync } from 'node:fs';

/**
 * The renderer's stylesheets as text, for DOM tests that need the app's real layout. (Vitest
 * hands CSS imports, even `?raw` ones, to tests as empty strings.)
 */
export function rendererStyles(...names: readonly string[]): string {
  return names.map((name) => readFileSync(new URL(`../../../src/renderer/styles/${name}`, import.meta.url), 'utf8')).join('\n');
}
