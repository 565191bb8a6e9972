import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem, CslName } from '../../core/export/source-csl';
import type { ApiParsedInput, ExportFile } from '../../shared/api-contract';

export type BibliographyFormat = ApiParsedInput<'export.bibliography'>['format'];

const FILES: Readonly<Record<BibliographyFormat, { readonly extension: string; readonly mediaType: string }>> = {
  'csl-json': { extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json' },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems' },
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex' },
};

// BibTeX is written as UTF-8, which Zotero, Biber and modern BibTeX read: citation-js would
// otherwise drop every character it has no LaTeX command for (a Cyrillic publisher, Pashto names).
plugins.config.get('@bibtex').format.asciiOnly = false;

/** The CSL items as a file Zotero (or any reference manager) imports: CSL-JSON, RIS or BibTeX. */
export function bibliographyFile(format: BibliographyFormat, items: readonly CslItem[], fileName: (extension: string) => string): ExportFile {
  const { extension, mediaType } = FILES[format];
  return { fileName: fileName(`.${extension}`), mediaType, content: bibliographyText(format, items) };
}

function bibliographyText(format: BibliographyFormat, items: readonly CslItem[]): string {
  if (items.length === 0) return format === 'csl-json' ? '[]\n' : '';
  const cite = new Cite(items);
  if (format === 'csl-json') return `${cite.format('data', { format: 'text' })}\n`;
  if (format === 'bibtex') return `${cite.format('bibtex').trim()}\n`;
  return cite
    .format('ris', { format: 'object' })
    .map((record, i) => risRecord(record, items[i]))
    .join('');
}

/**
 * One RIS record, a tag per line and never wrapped (citation-js breaks values every 70
 * characters). citation-js follows the RIS table for NEWS records, which has the writer as
 * "reporter" and the date as the year alone, so a news article's AU and DA are added here.
 */
function risRecord(record: Record<string, string | number | readonly (string | number)[]>, item: CslItem | undefined): string {
  const tags: [string, string][] = [];
  for (const [tag, value] of Object.entries(record)) for (const one of [value].flat()) tags.push([tag, String(one)]);
  if (item?.type === 'article-newspaper') {
    const added: [string, string][] = [];
    if (!tags.some(([tag]) => tag === 'AU')) added.push(...(item.author ?? []).map((name): [string, string] => ['AU', risName(name)]));
    if (item.issued !== undefined && 'date-parts' in item.issued && !tags.some(([tag]) => tag === 'DA')) {
      const [year, month, day] = item.issued['date-parts'][0] ?? [];
      added.push(['DA', `${year ?? ''}/${month ?? ''}/${day ?? ''}/`]);
    }
    tags.splice(Math.max(1, tags.findIndex(([tag]) => tag === 'PY')), 0, ...added);
  }
  const ty = tags.filter(([tag]) => tag === 'TY');
  const rest = tags.filter(([tag]) => tag !== 'TY');
  return [...ty, ...rest].map(([tag, value]) => `${tag}  - ${value.replace(/\s*\n\s*/gu, ' ')}\n`).join('') + 'ER  - \n';
}

const risName = (name: CslName): string => ('literal' in name ? name.literal : name.given === undefined ? name.family : `${name.family}, ${name.given}`);
