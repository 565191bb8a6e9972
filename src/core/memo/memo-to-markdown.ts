import { Document, Scalar } from 'yaml';
import type { SourceId } from '../model/ids';
import type { Memo } from '../model/memo';
import type { SourceMeta } from '../model/source';
import { blocksMarkdown } from './block-markdown';
import { passageKey, type CitedPassage, type MemoExportContext } from './cited-passage';
import { inlineMarkdown, type Segment } from './inline-markdown';
import { displayTitle } from './memo-title';
import { footnoteParagraphs, sourceCitation } from './source-citation';

/**
 * A memo as a Markdown file: YAML front matter (title, date, the tags of the cited passages), the
 * body in CommonMark, a footnote per cited passage (numbered in order of first citation; a
 * passage cited again reuses its footnote) and a "Sources" list of every source cited, in the
 * same order. Quotes are the passages' text verbatim, escaped so that they render as written.
 */
export function memoToMarkdown(memo: Memo, context: MemoExportContext): string {
  const footnotes = new Map<string, { readonly number: number; readonly passage: CitedPassage }>();
  const body = blocksMarkdown(memo.doc.content ?? [], (citation) => {
    const passage = context.passage(citation);
    const key = passageKey(passage);
    let footnote = footnotes.get(key);
    if (footnote === undefined) {
      footnote = { number: footnotes.size + 1, passage };
      footnotes.set(key, footnote);
    }
    return { quote: passage.quote, reference: `[^${footnote.number}]` };
  });
  const cited = [...footnotes.values()].map((f) => f.passage);
  const sections = [frontMatter(memo.title, context.date, cited), body];
  if (cited.length > 0) {
    sections.push([...footnotes.values()].flatMap(({ number, passage }, i) => [...(i === 0 ? [] : ['']), ...footnoteMarkdown(number, passage)]));
    sections.push(['## Sources', '', ...citedSources(cited).map((meta) => `- ${inlineMarkdown([...sourceCitation(meta), dot], 'hard').join('\n  ')}`)]);
  }
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

const dot: Segment = { kind: 'text', text: '.', marks: [] };

function frontMatter(title: string, date: string, cited: readonly CitedPassage[]): string[] {
  // Unquoted, so that tools reading front matter (Jekyll, Hugo, Pandoc) take it as a date.
  const plainDate = new Scalar(date);
  plainDate.type = 'PLAIN';
  const tags = [...new Set(cited.flatMap((p) => p.tags))];
  const yaml = new Document({ title: displayTitle(title), date: plainDate, tags });
  // Double-quoted strings: a YAML 1.1 reader would take a bare `no` or `on` for a boolean.
  const text = yaml.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return ['---', ...text.trimEnd().split('\n'), '---'];
}

/** `[^n]: …`, its later paragraphs indented so they stay in the footnote. */
function footnoteMarkdown(number: number, passage: CitedPassage): string[] {
  const indent = '    ';
  return footnoteParagraphs(passage).flatMap((paragraph, i) => {
    const lines = inlineMarkdown(paragraph, 'hard');
    const first = i === 0 ? `[^${number}]: ${lines[0] ?? ''}` : `${indent}${lines[0] ?? ''}`;
    return [...(i === 0 ? [] : ['']), first, ...lines.slice(1).map((line) => `${indent}${line}`)];
  });
}

/** Each cited source once, in order of first citation; a source the library no longer has is named in its footnotes only. */
function citedSources(cited: readonly CitedPassage[]): SourceMeta[] {
  const sources = new Map<SourceId, SourceMeta>();
  for (const passage of cited) if (passage.source !== null && !sources.has(passage.sourceId)) sources.set(passage.sourceId, passage.source);
  return [...sources.values()];
}
