import { Document } from 'yaml';
import type { HighlightId, SourceId } from '../model/ids';
import { CITATION_NODE, type CitationAttrs, type Memo, type MemoNode } from '../model/memo';
import type { SourceMeta } from '../model/source';
import { gradeMark } from '../model/grades';
import { blocksMarkdown } from './block-markdown';
import type { CitedPassage } from './cited-passage';
import { describeLocation } from './describe-location';
import { fileNameForTitle } from './file-name';
import { inlineMarkdown, textSegments } from './inline-markdown';
import { displayTitle } from './memo-title';
import { highlightBlockIds, obsidianTag, uniqueNoteNames } from './obsidian-names';
import { LAST_KNOWN } from './last-known';

/** One highlight of a cited source, as its source note lists it. */
export interface VaultHighlight {
  readonly highlightId: HighlightId;
  /** The passage's current text; the quote it was made on when it is no longer found. */
  readonly quote: string;
  /** "Recommendations, ¶ 2"; null when the passage is no longer found in the source. */
  readonly location: string | null;
  /** True when the passage was found only approximately and awaits the person's review. */
  readonly review: boolean;
  readonly tags: readonly string[];
  readonly comment: string;
  /** The Admiralty mark ("B2"), null when not graded. */
  readonly grade: string | null;
}

/** A cited source: what the library says of it, and all its highlights in text order. */
export interface VaultSource {
  readonly meta: SourceMeta;
  readonly highlights: readonly VaultHighlight[];
}

export interface ObsidianExportContext {
  /** The passage a citation refers to, resolved against the notebook as it is now. */
  readonly passage: (citation: CitationAttrs) => CitedPassage;
  /** The cited sources the library still describes, with their highlights. */
  readonly sources: readonly VaultSource[];
}

/** A file of the exported folder: its path (with "/" between folders) and its text. */
export interface VaultFile {
  readonly path: string;
  readonly text: string;
}

/** The folder of source notes beside the memo's note. */
const SOURCES_FOLDER = 'Sources';

/**
 * A memo as a folder an Obsidian vault can take in: the memo's note, with YAML front matter
 * (title, created, modified, tags, sources as wikilinks) and each citation as a quote callout
 * (block ids ^c1, ^c2… in order) linking to the cited highlight's block in its source's note; and a
 * note per cited source under Sources/, its details as front matter and every one of its
 * highlights as a quote callout with its location, grade, tags (as Obsidian tags), comment and a
 * block id ^h-….
 */
export function memoToObsidian(memo: Memo, context: ObsidianExportContext): VaultFile[] {
  const folder = fileNameForTitle(displayTitle(memo.title), '');
  const names = uniqueNoteNames(context.sources.map((s) => s.meta.title));
  const notes = new Map<SourceId, { readonly name: string; readonly blocks: Map<string, string> }>();
  context.sources.forEach((source, i) => {
    const blocks = highlightBlockIds(source.highlights.map((h) => h.highlightId));
    notes.set(source.meta.id, { name: names[i] ?? source.meta.title, blocks });
  });
  const sourceLink = (sourceId: SourceId, highlightId: HighlightId | null): string | null => {
    const note = notes.get(sourceId);
    if (note === undefined) return null;
    const block = highlightId === null ? undefined : note.blocks.get(highlightId);
    return `[[${SOURCES_FOLDER}/${note.name}${block === undefined ? '' : `#^${block}`}]]`;
  };

  const cited: CitedPassage[] = [];
  let callouts = 0;
  const body = blocksMarkdown(citationsAsBlocks(memo.doc.content ?? []), (citation) => {
    const passage = context.passage(citation);
    cited.push(passage);
    const link = sourceLink(passage.sourceId, passage.highlightId);
    const reference = link === null ? '' : ` ${link}`;
    // Only a citation in a heading is still inline here: it is written on the heading's line.
    return citation.display === 'block' ? { quote: passage.quote, reference, block: citationCallout(passage, link, ++callouts) } : { quote: passage.quote, reference };
  });

  const tags = unique(cited.flatMap((p) => p.tags.flatMap((t) => obsidianTag(t) ?? [])));
  const sourceLinks = unique(cited.flatMap((p) => sourceLink(p.sourceId, null) ?? []));
  const memoNote = [...frontMatter({ title: displayTitle(memo.title), created: memo.created, modified: memo.modified, tags, sources: sourceLinks }), '', ...body];
  const files: VaultFile[] = [{ path: `${folder}/${folder}.md`, text: `${memoNote.join('\n')}\n` }];
  for (const source of context.sources) {
    const note = notes.get(source.meta.id);
    if (note !== undefined) files.push({ path: `${folder}/${SOURCES_FOLDER}/${note.name}.md`, text: sourceNote(source, note.blocks) });
  }
  return files;
}

/**
 * The memo's blocks with every citation in a paragraph shown as a block, so that each becomes a
 * callout of its own (splitting its paragraph); one in a heading stays inline, since a heading is one line.
 */
function citationsAsBlocks(nodes: readonly MemoNode[]): MemoNode[] {
  return nodes.map((node) => {
    if (node.type === 'paragraph') {
      return { ...node, content: (node.content ?? []).map((child) => (child.type === CITATION_NODE ? { ...child, attrs: { ...child.attrs, display: 'block' } } : child)) };
    }
    if (node.type === 'heading' || node.type === 'codeBlock' || node.content === undefined) return node;
    return { ...node, content: citationsAsBlocks(node.content) };
  });
}

/**
 * `> [!quote] <source>, <location>`, the quote, the source's notes it carries or why it is the last
 * quote known, the link to the highlight in its source note, then the callout's block id.
 */
function citationCallout(passage: CitedPassage, link: string | null, number: number): string[] {
  const title = passage.source?.title ?? `A source no longer in the library (“${passage.sourceId}”)`;
  let heading = title;
  const after: string[] = [];
  if (passage.state === 'live') {
    const grade = gradeMark(passage.source.reliability, passage.credibility);
    heading = `${title}, ${describeLocation(passage.location, passage.source.title)}${grade === null ? '' : ` [${grade}]`}`;
    after.push(...passage.notes.map((n) => `Note ${n.note} of the source: ${n.text}`));
  } else {
    after.push(LAST_KNOWN[passage.state]);
  }
  const lines = [`[!quote] ${calloutTitle(heading)}`, ...quoteLines(passage.quote)];
  for (const paragraph of after) lines.push('', ...inlineMarkdown(textSegments(paragraph), 'hard').map(obsidianSafe));
  if (link !== null) lines.push('', `— ${link}`);
  return [...lines.map((line) => (line === '' ? '>' : `> ${line}`)), '', `^c${number}`];
}

/** The note of one source: its details as front matter, then each highlight as a callout with its block id. */
function sourceNote(source: VaultSource, blocks: ReadonlyMap<string, string>): string {
  const { meta } = source;
  const lines = frontMatter({ title: meta.title, author: meta.author, publisher: meta.publisher, date: meta.isoDate ?? meta.date, link: meta.link, type: meta.kind });
  lines.push('', `# ${obsidianSafe(inlineMarkdown(textSegments(meta.title), 'one-line').join(''))}`);
  if (source.highlights.length === 0) lines.push('', 'No passage of this source is highlighted.');
  for (const highlight of source.highlights) {
    const where = highlight.location === null ? 'Passage no longer found in the source; the quote it was made on' : `${highlight.location}${highlight.review ? ' (awaits review)' : ''}`;
    const callout = [`[!quote] ${calloutTitle(`${where}${highlight.grade === null ? '' : ` [${highlight.grade}]`}`)}`, ...quoteLines(highlight.quote)];
    const tags = unique(highlight.tags.flatMap((t) => obsidianTag(t) ?? [])).map((t) => `#${t}`);
    if (tags.length > 0) callout.push('', tags.join(' '));
    if (highlight.comment.trim() !== '') {
      const [firstLine = '', ...rest] = inlineMarkdown(textSegments(highlight.comment.trim()), 'hard').map(obsidianSafe);
      callout.push('', `**Comment:** ${firstLine}`, ...rest);
    }
    lines.push('', ...callout.map((line) => (line === '' ? '>' : `> ${line}`)), '', `^${blocks.get(highlight.highlightId) ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A callout's title: one line, escaped. */
const calloutTitle = (text: string): string => obsidianSafe(inlineMarkdown(textSegments(text), 'one-line').join(''));

/** A quote's lines inside a callout: its paragraphs apart, line breaks kept, every character shown as written. */
function quoteLines(quote: string): string[] {
  const paragraphs = quote.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return paragraphs.flatMap((p, i) => [...(i === 0 ? [] : ['']), ...inlineMarkdown(textSegments(p), 'hard').map(obsidianSafe)]);
}

/**
 * Markdown text made safe from what Obsidian adds to CommonMark: `$` (math), `%%` (a comment,
 * hidden), `==` (a highlight) and `^` (a block id at a line's end), each escaped unless the
 * Markdown writer escaped it already (after an odd run of backslashes).
 */
const obsidianSafe = (markdown: string): string =>
  markdown.replace(/(\\*)([$^]|%(?=%)|=(?==))/g, (match, slashes: string, char: string) => (slashes.length % 2 === 0 ? `${slashes}\\${char}` : match));

/** YAML front matter, strings double-quoted (a bare `no` would read as false), an empty value as null. */
function frontMatter(fields: Readonly<Record<string, string | readonly string[] | null>>): string[] {
  const yaml = new Document(fields).toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', nullStr: '' });
  return ['---', ...yaml.trimEnd().split('\n'), '---'];
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
