import type { ImportFormat } from '../import/extracted-source';
import type { SourceMeta } from '../model/source';

/** A name as CSL-JSON gives it: a person's family and given names, or an organisation's whole name. */
export type CslName = { readonly family: string; readonly given?: string } | { readonly literal: string };

/** A date as CSL-JSON gives it: year, month, day parts, or the words the source uses when they cannot be read. */
export type CslDate = { readonly 'date-parts': readonly (readonly number[])[] } | { readonly literal: string };

/** The CSL-JSON item of a source (the fields Notebook knows of it), which Zotero and citeproc read. */
export interface CslItem {
  readonly id: string;
  readonly type: 'article-newspaper' | 'report' | 'book' | 'document' | 'webpage';
  readonly 'citation-key': string;
  readonly title: string;
  readonly author?: readonly CslName[];
  readonly publisher?: string;
  /** The newspaper a news article appeared in, or the site of a web page. */
  readonly 'container-title'?: string;
  readonly issued?: CslDate;
  readonly URL?: string;
}

/** What a bibliography needs of a source: its details, and the kind of file it was imported from, if it was. */
export interface CitedSource {
  readonly meta: SourceMeta;
  readonly importedFormat?: ImportFormat | undefined;
}

/**
 * The CSL item of each source, in the order given, each with a citation key that is stable across
 * exports ("mehran2025new": first author's family name, year, first word of the title that is not
 * an article) and unique among them ("mehran2025newa", "mehran2025newb" when two would share one).
 */
export function sourceCslItems(sources: readonly CitedSource[]): CslItem[] {
  const bases = sources.map((s) => baseKey(s.meta));
  const count = new Map<string, number>();
  for (const base of bases) count.set(base, (count.get(base) ?? 0) + 1);
  const used = new Map<string, number>();
  return sources.map((source, i) => {
    const base = bases[i] ?? 'source';
    const nth = used.get(base) ?? 0;
    used.set(base, nth + 1);
    const key = (count.get(base) ?? 0) > 1 ? `${base}${suffix(nth)}` : base;
    return sourceCslItem(source, key);
  });
}

/** The CSL item of one source under the citation key given. */
export function sourceCslItem({ meta, importedFormat }: CitedSource, citationKey: string): CslItem {
  const authors = meta.author === null ? [] : cslNames(meta.author);
  const issued = cslDate(meta);
  const type = cslType(meta, importedFormat);
  return {
    id: meta.id,
    type,
    'citation-key': citationKey,
    title: meta.title,
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(meta.publisher === null ? {} : type === 'article-newspaper' || type === 'webpage' ? { 'container-title': meta.publisher } : { publisher: meta.publisher }),
    ...(issued === null ? {} : { issued }),
    ...(meta.link === null ? {} : { URL: meta.link }),
  };
}

/** An imported document by the file it came from: a PDF or Word file is a report as citation styles set it (title in italics), an e-book a book, a saved web page a web page. */
const DOCUMENT_TYPES: Readonly<Record<ImportFormat, CslItem['type']>> = { pdf: 'report', docx: 'report', epub: 'book', html: 'webpage', markdown: 'document', text: 'document' };

function cslType(meta: SourceMeta, importedFormat: ImportFormat | undefined): CslItem['type'] {
  switch (meta.kind) {
    case 'news article':
      return 'article-newspaper';
    // An analysis is a think tank's or institute's paper: cited like a report, by its publisher.
    case 'report':
    case 'analysis':
      return 'report';
    case 'document':
      return DOCUMENT_TYPES[importedFormat ?? 'text'];
  }
}

/** Words that make an author field an organisation's name rather than people's. */
const ORGANISATION =
  /\b(?:Foundation|Institute|Institution|Cent(?:er|re)|Council|Committee|Commission|Agency|Ministry|Department|Office|Organi[sz]ation|Association|Society|University|College|Group|Network|Bureau|Service|News|Press|Times|Post|Journal|Magazine|Policy|Affairs|Forum|Trust|Fund|Bank|Nations|Union|Government|Staff|Editors|Board|Project|Programme|Program)\b/u;

/**
 * The people (or organisations) of an author field: "Weeda Mehran", "Mehran, Weeda", several
 * joined by ";", "and" or "&". A single word is an organisation's or a mononym, kept whole.
 */
export function cslNames(author: string): CslName[] {
  // An organisation ("Institute for Peace and Conflict Studies") is one name, however many words or "and"s it has.
  if (ORGANISATION.test(author)) return [{ literal: author.trim() }];
  return author
    .split(/\s*(?:;|&|\band\b)\s*/u)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name): CslName => {
      const comma = name.indexOf(',');
      if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
      const words = name.split(/\s+/u);
      const family = words.pop();
      if (family === undefined || words.length === 0) return { literal: name };
      return { family, given: words.join(' ') };
    });
}

function cslDate(meta: SourceMeta): CslDate | null {
  const parts = meta.isoDate?.match(/^(\d{4})-(\d{2})(?:-(\d{2}))?$/u);
  if (parts) return { 'date-parts': [parts.slice(1).filter((p): p is string => p !== undefined).map(Number)] };
  return meta.date === null ? null : { literal: meta.date };
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** "mehran2025new": ASCII letters of the first author's family name (else the publisher's first word, else "anon"), the year ("nd" if none), the first title word that is not an article. */
function baseKey(meta: SourceMeta): string {
  const first = meta.author === null ? undefined : cslNames(meta.author)[0];
  const who = first === undefined ? (meta.publisher ?? '').split(/\s+/u)[0] ?? '' : 'family' in first ? first.family : (first.literal.split(/\s+/u)[0] ?? '');
  const year = meta.isoDate?.slice(0, 4) ?? meta.date?.match(/\b\d{4}\b/u)?.[0] ?? 'nd';
  const word = meta.title.split(/\s+/u).map(asciiWord).find((w) => w !== '' && !ARTICLES.has(w)) ?? '';
  return `${asciiWord(who) || 'anon'}${year}${word}`;
}

/** Lower-case ASCII letters and digits of a word, accents dropped ("Émile" → "emile"). */
function asciiWord(word: string): string {
  return word
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '');
}

/** a, b, … z, aa, ab, … as BibTeX keys disambiguate. */
function suffix(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : `${suffix(Math.floor(n / 26) - 1)}${letter}`;
}
