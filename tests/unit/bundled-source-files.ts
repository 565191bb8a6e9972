import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseManifest } from '../../src/core/model/manifest';
import type { SourceMeta } from '../../src/core/model/source';

/** Where the tests find the bundled sources, relative to this file so any checkout works. */
export const RESOURCES_DIR = fileURLToPath(new URL('../../resources/', import.meta.url));
export const SOURCES_DIR = fileURLToPath(new URL('../../resources/sources/', import.meta.url));

export function readManifest(): SourceMeta[] {
  const result = parseManifest(JSON.parse(readFileSync(`${RESOURCES_DIR}manifest.json`, 'utf8')));
  if (!result.ok) throw new Error(`resources/manifest.json is invalid:\n${result.problems.join('\n')}`);
  return result.value;
}

export interface BundledSource {
  readonly meta: SourceMeta;
  readonly raw: string;
}

/** Every source of the manifest with its text, in library order. */
export function readBundledSources(): BundledSource[] {
  return readManifest().map((meta) => ({ meta, raw: readFileSync(`${SOURCES_DIR}${meta.file}`, 'utf8') }));
}
