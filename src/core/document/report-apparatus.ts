import type { BlockKind } from '../model/source';
import type { RawBlock } from './markdown-blocks';

/**
 * Finds a report's apparatus in its Markdown blocks: the table of contents (one entry per line)
 * and the back matter, where numbered items are the notes that `<sup>N</sup>` points at and the
 * other items are references.
 */

export interface ApparatusEntry {
  readonly kind: BlockKind;
  /**
   * Inline Markdown pieces of the block. A piece after the first is a fragment that a page break
   * cut off from its entry; the reader shows it on a line of its own, as the source has it.
   */
  readonly parts: readonly string[];
  readonly level?: number;
  readonly depth?: number;
  readonly marker?: string;
  readonly note?: number;
}

type Section = 'body' | 'contents' | 'backMatter';

const CONTENTS_HEADINGS = new Set(['contents', 'table of contents']);
const BACK_MATTER_HEADINGS = new Set(['references', 'bibliography', 'works cited', 'notes', 'endnotes', 'footnotes']);
const NOTE_NUMBER = /^(\d{1,4})[ \t]+(?=\S)/;

/** Letters and digits only, lower case: enough to recognise a heading whatever its markup. */
export function normaliseHeading(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sectionOf(heading: RawBlock): Section {
  const name = normaliseHeading(heading.lines.join(' ').replace(/<\/?\w+>/g, ''));
  if (CONTENTS_HEADINGS.has(name)) return 'contents';
  if (BACK_MATTER_HEADINGS.has(name)) return 'backMatter';
  return 'body';
}

interface MutableEntry {
  kind: BlockKind;
  parts: string[];
  level?: number;
  depth?: number;
  marker?: string;
  note?: number;
}

function plainEntry(block: RawBlock): MutableEntry {
  const entry: MutableEntry = { kind: block.kind, parts: [block.lines.join('\n')] };
  if (block.level !== undefined) entry.level = block.level;
  if (block.depth !== undefined) entry.depth = block.depth;
  if (block.marker !== undefined) entry.marker = block.marker;
  return entry;
}

export function findReportApparatus(blocks: readonly RawBlock[]): ApparatusEntry[] {
  const entries: MutableEntry[] = [];
  const contents: MutableEntry[][] = [];
  let section: Section = 'body';
  let lastNote: number | null = null;
  let lastBackMatterEntry: MutableEntry | null = null;

  for (const block of blocks) {
    if (block.kind === 'heading') {
      section = sectionOf(block);
      lastBackMatterEntry = null;
      if (section === 'contents') contents.push([]);
      entries.push(plainEntry(block));
      continue;
    }
    if (section === 'contents') {
      // A table of contents is one entry per line, whether or not blank lines separate them.
      const lines = block.kind === 'listItem' ? [block.lines.join(' ')] : block.lines;
      for (const line of lines) {
        const entry: MutableEntry = { kind: 'tocEntry', parts: [line] };
        contents[contents.length - 1]!.push(entry);
        entries.push(entry);
      }
      continue;
    }
    if (section === 'backMatter') {
      const first = block.lines[0] ?? '';
      const number = block.kind === 'listItem' && block.depth === 0 ? NOTE_NUMBER.exec(first) : null;
      const noteNumber = number ? Number(number[1]) : null;
      if (noteNumber !== null && (lastNote === null ? noteNumber === 1 : noteNumber > lastNote)) {
        lastNote = noteNumber;
        lastBackMatterEntry = { kind: 'note', note: noteNumber, parts: [[first.slice(number![0].length), ...block.lines.slice(1)].join('\n')] };
        entries.push(lastBackMatterEntry);
        continue;
      }
      const startsReference = block.kind === 'listItem' && block.depth === 0 && lastNote === null;
      if (startsReference) {
        lastBackMatterEntry = { kind: 'reference', parts: [block.lines.join('\n')] };
        entries.push(lastBackMatterEntry);
        continue;
      }
      if (lastBackMatterEntry) {
        // Once the notes have begun an unnumbered item cannot be a reference: like a paragraph
        // between entries, it is the rest of the entry before it, cut off by a page break.
        lastBackMatterEntry.parts.push(block.lines.join('\n'));
        continue;
      }
    }
    entries.push(plainEntry(block));
  }
  for (const toc of contents) dropPageNumbers(toc);
  return entries;
}

const LEADING_PAGE = /^(?:<b>)?(\d{1,4})(?:<\/b>)?\t+(\S.*)$/i;
const TRAILING_PAGE = /^(.*?\S)(?:\t+|[ \t]*\.{3,}[ \t]*)(?:<b>)?(\d{1,4})(?:<\/b>)?$/i;

/**
 * Page numbers mean nothing in the reader, which has no pages, so they are dropped, but only when
 * they are clearly page numbers: every entry of the table has one, set apart by a tab (or dot
 * leaders), and they never decrease. Otherwise the entries are shown as written.
 */
function dropPageNumbers(toc: MutableEntry[]): void {
  for (const [pattern, page, title] of [
    [LEADING_PAGE, 1, 2],
    [TRAILING_PAGE, 2, 1],
  ] as const) {
    const matches = toc.map((entry) => pattern.exec(entry.parts[0] ?? ''));
    const pages = matches.map((match) => (match ? Number(match[page]) : Number.NaN));
    const clear = toc.length > 0 && pages.every((p, i) => !Number.isNaN(p) && (i === 0 || p >= pages[i - 1]!));
    if (!clear) continue;
    toc.forEach((entry, i) => {
      entry.parts = [matches[i]![title]!];
    });
    return;
  }
}
