import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceId, textHash } from '../src/core/model/ids';
import { parseManifest } from '../src/core/model/manifest';
import type { SourceMeta } from '../src/core/model/source';
import { BENCH_TMP, cachedFolder, codeStamp } from './cached-folder';
import { generateCorpus, type GeneratedSource } from './generate-corpus';
import type { Scale } from './scales';

/** A library as the services read it: `dir/manifest.json` and the files in `dir/sources/`. */
export interface Library {
  readonly dir: string;
  readonly sources: readonly SourceMeta[];
  /** Total size of the source files. */
  readonly bytes: number;
}

export const BUNDLED_RESOURCES = fileURLToPath(new URL('../resources/', import.meta.url));
const CORPUS_SEED = 42;

/** The library's report (the bundled think-tank report, in every library here). */
export function reportOf(library: Library): SourceMeta {
  const report = library.sources.find((meta) => meta.kind === 'report');
  if (!report) throw new Error(`The library in ${library.dir} has no report.`);
  return report;
}

async function readLibrary(dir: string): Promise<Library> {
  const parsed = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`The manifest in ${dir} has problems: ${parsed.problems.join(' ')}`);
  let bytes = 0;
  for (const meta of parsed.value) bytes += (await stat(join(dir, 'sources', meta.file))).size;
  return { dir, sources: parsed.value, bytes };
}

/**
 * The library of a scale: the bundled sources themselves, or the bundled sources followed by
 * generated ones (bench/generate-corpus.ts, seeded) up to the scale's count and size. Generated
 * libraries are written once to bench/tmp/libraries/ and reused while the code making them and
 * the bundled sources are unchanged.
 */
/** The manifest entry of a generated source, stored as `<id>.txt` and read as Markdown. */
export function generatedSourceMeta(source: GeneratedSource, title: string, note: string | null): SourceMeta {
  return {
    id: sourceId(source.id),
    file: `${source.id}.txt`,
    title,
    author: null,
    publisher: null,
    date: null,
    isoDate: null,
    kind: 'analysis',
    format: 'markdown',
    link: null,
    sha256: textHash(createHash('sha256').update(source.text).digest('hex')),
    note,
  };
}

export async function libraryFor(scale: Scale): Promise<Library> {
  if (scale.megabytes === null) return readLibrary(BUNDLED_RESOURCES);
  const dir = join(BENCH_TMP, 'libraries', scale.key);
  const stamp = {
    scale,
    seed: CORPUS_SEED,
    code: await codeStamp([new URL('./generate-corpus.ts', import.meta.url), new URL('./generated-library.ts', import.meta.url), new URL('../resources/manifest.json', import.meta.url)]),
  };
  await cachedFolder(dir, stamp, (into) => writeGeneratedLibrary(into, scale.sources, scale.megabytes ?? 0));
  return readLibrary(dir);
}

async function writeGeneratedLibrary(dir: string, sources: number, megabytes: number): Promise<void> {
  const bundled = await readLibrary(BUNDLED_RESOURCES);
  const bundledTexts = await Promise.all(bundled.sources.map((meta) => readFile(join(BUNDLED_RESOURCES, 'sources', meta.file), 'utf8')));
  const count = sources - bundled.sources.length;
  const sourceChars = Math.round((megabytes * 1e6 - bundled.bytes) / count);
  // Each generated source runs a little past sourceChars (to the end of a paragraph), so asking for
  // 5% more than needed always yields `count` of them.
  const generated = generateCorpus(bundledTexts, { seed: CORPUS_SEED, totalChars: count * sourceChars * 1.05, sourceChars }).slice(0, count);
  if (generated.length < count) throw new Error(`The corpus generator made ${generated.length} sources where ${count} were needed.`);
  await mkdir(join(dir, 'sources'), { recursive: true });
  for (const meta of bundled.sources) await copyFile(join(BUNDLED_RESOURCES, 'sources', meta.file), join(dir, 'sources', meta.file));
  const manifest: SourceMeta[] = [...bundled.sources];
  for (const [n, source] of generated.entries()) {
    const file = `${source.id}.txt`;
    await writeFile(join(dir, 'sources', file), source.text);
    manifest.push(generatedSourceMeta(source, `Generated source ${n + 1}`, 'Generated for the benchmarks from the words of the bundled sources.'));
  }
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
