import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readManifest, SOURCES_DIR } from './bundled-source-files';

/**
 * The bundled sources are the originals analysts cite, so they must be the received bytes: each
 * file in resources/sources/ equals its original in the shared corpus next to the repository, and
 * the manifest's hashes are of exactly those bytes.
 */
const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

const textFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();

function corpusFiles(): string[] {
  if (!existsSync(CORPUS_DIR)) {
    throw new Error(`The original corpus was not found: looked for the folder ${CORPUS_DIR} (../shared/corpus next to the repository), which should hold the received source files.`);
  }
  return textFiles(CORPUS_DIR);
}

describe('bundled sources', () => {
  it('bundles every file of the corpus, and nothing else', () => {
    expect(textFiles(SOURCES_DIR)).toEqual(corpusFiles());
  });

  it('bundles each file byte for byte as received', () => {
    for (const name of corpusFiles()) {
      const bundled = readFileSync(`${SOURCES_DIR}${name}`);
      const original = readFileSync(`${CORPUS_DIR}${name}`);
      expect(bundled.equals(original), `resources/sources/${name} differs from ${CORPUS_DIR}${name}`).toBe(true);
    }
  });

  it('describes each bundled file once in the manifest, with the hash of its bytes', () => {
    const manifest = readManifest();
    expect(manifest.map((entry) => entry.file).sort()).toEqual(textFiles(SOURCES_DIR));
    for (const entry of manifest) {
      const digest = createHash('sha256').update(readFileSync(`${SOURCES_DIR}${entry.file}`)).digest('hex');
      expect(entry.sha256, `sha256 of ${entry.file} in resources/manifest.json`).toBe(digest);
    }
  });
});
