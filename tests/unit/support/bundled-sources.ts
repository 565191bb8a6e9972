import { readFileSync } from 'node:fs';
import { parseSource } from '../../../src/core/document/parse-source';
import type { ParsedSource, SourceFormat } from '../../../src/core/model/source';

const resources = new URL('../../../resources/', import.meta.url);

/** Every source the notebook bundles, parsed as the notebook parses it, in manifest order. */
export function bundledSources(): { readonly file: string; readonly parsed: ParsedSource }[] {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', resources), 'utf8')) as { file: string; format: SourceFormat }[];
  return manifest.map(({ file, format }) => ({ file, parsed: parseSource(readFileSync(new URL(`sources/${file}`, resources), 'utf8'), format) }));
}
