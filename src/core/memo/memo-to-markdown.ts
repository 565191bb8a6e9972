import { Document, Scalar } from 'yaml';
import type { Memo } from '../model/memo';
import { blocksMarkdown } from './block-markdown';
import { passageKey, type CitedPassage, type MemoExportContext } from './cited-passage';
import { inlineMarkdown, type Segment } from './inline-markdown';
import { displayTitle } from './memo-title';

/**
 * A memo as a Markdown file: YAML front matter (title, date, the tags of the cited passages), the
 * body in CommonMark, a footnote per cited passage (numbered in order of first citation; a
 * passage cited again reuses its footnote) in the memo's citation style, and the style's list of
 * every source cited ("Bibliography", "References"). Quotes are the passages' text verbatim,
 * escaped so that they render as written.
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
    const notes = context.notes(cited);
    sections.push(notes.footnotes.flatMap((paragraphs, i) => [...(i === 0 ? [] : ['']), ...footnoteMarkdown(i + 1, paragraphs)]));
    if (notes.bibliography.length > 0) {
      sections.push([`## ${notes.bibliographyHeading}`, '', ...notes.bibliography.map((entry) => `- ${inlineMarkdown(entry, 'hard').join('\n  ')}`)]);
    }
  }
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

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
function footnoteMarkdown(number: number, paragraphs: readonly (readonly Segment[])[]): string[] {
  const indent = '    ';
  return paragraphs.flatMap((paragraph, i) => {
    const lines = inlineMarkdown(paragraph, 'hard');
    const first = i === 0 ? `[^${number}]: ${lines[0] ?? ''}` : `${indent}${lines[0] ?? ''}`;
    return [...(i === 0 ? [] : ['']), first, ...lines.slice(1).map((line) => `${indent}${line}`)];
  });
}
