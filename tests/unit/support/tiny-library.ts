import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sourceId, textHash } from '../../../src/core/model/ids';
import type { SourceMeta } from '../../../src/core/model/source';

const BUNDLED = resolve(__dirname, '../../../resources/sources');

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Writes a resources folder under `dir` holding two of the bundled sources (a news capture and the
 * report), with a manifest describing them, and returns the manifest's entries.
 */
export async function writeTinyLibrary(dir: string): Promise<SourceMeta[]> {
  const entries: [string, string, SourceMeta['format'], SourceMeta['kind']][] = [
    ['002_9354d1a30852f093.txt', 'us-weighs-cooperation', 'news-capture', 'news article'],
    ['004_22ba044b9207139b.txt', 'new-jihadi-sphere', 'markdown', 'report'],
  ];
  await mkdir(join(dir, 'sources'), { recursive: true });
  const metas: SourceMeta[] = [];
  for (const [file, id, format, kind] of entries) {
    const bytes = await readFile(join(BUNDLED, file));
    await writeFile(join(dir, 'sources', file), bytes);
    metas.push({
      id: sourceId(id),
      file,
      title: `Title of ${id}`,
      author: null,
      publisher: null,
      date: null,
      isoDate: null,
      kind,
      format,
      link: null,
      sha256: textHash(sha256(bytes)),
      note: null,
    });
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(metas));
  return metas;
}
