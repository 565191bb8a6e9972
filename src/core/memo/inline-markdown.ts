import type { MemoNode } from '../model/memo';
import { codeSpan, escapeText, finishLine, linkDestination } from './escape-markdown';
import { isSafeLink } from './safe-link';

/** A mark as the export writes it; marks nest in this order, links outermost. */
export type InlineMark = { readonly type: 'link'; readonly href: string } | { readonly type: 'bold' | 'italic' | 'code' };
const MARK_ORDER = ['link', 'bold', 'italic', 'code'] as const;

/**
 * Inline content flattened: runs of text (never holding a line break), line breaks, and Markdown
 * written as is (footnote references).
 */
export type Segment =
  | { readonly kind: 'text'; readonly text: string; readonly marks: readonly InlineMark[] }
  | { readonly kind: 'break' }
  | { readonly kind: 'markdown'; readonly markdown: string };

/** Segments of `text`, its line breaks (`\n`) made break segments. */
export function textSegments(text: string, marks: readonly InlineMark[] = []): Segment[] {
  return text.split('\n').flatMap((line, i): Segment[] => {
    const parts: Segment[] = i > 0 ? [{ kind: 'break' }] : [];
    if (line !== '') parts.push({ kind: 'text', text: line, marks });
    return parts;
  });
}

/**
 * The marks of a memo text node that the exports write (memo-schema.ts admits no others); a link
 * to anything but the web or mail is left out, so its words are written as plain text.
 */
export function nodeMarks(node: MemoNode): InlineMark[] {
  return (node.marks ?? []).flatMap((mark): InlineMark[] => {
    if (mark.type === 'link') {
      const href = String(mark.attrs?.['href']);
      return isSafeLink(href) ? [{ type: 'link', href }] : [];
    }
    if (mark.type === 'bold' || mark.type === 'italic' || mark.type === 'code') return [{ type: mark.type }];
    return [];
  });
}

/**
 * How a line break is written: as a hard line break, or (in a heading, which must stay on one
 * line) as a space, since Markdown has no line break within a line but a character reference.
 */
export type LineBreaks = 'hard' | 'one-line';

type LineSegment = Exclude<Segment, { readonly kind: 'break' }>;

/** Inline segments as lines of Markdown; lines other than the last end in a hard line break. */
export function inlineMarkdown(segments: readonly Segment[], lineBreaks: LineBreaks): string[] {
  const lines: LineSegment[][] = [[]];
  for (const segment of segments) {
    if (segment.kind !== 'break') lines.at(-1)?.push(segment);
    else if (lineBreaks === 'hard') lines.push([]);
    else lines.at(-1)?.push({ kind: 'markdown', markdown: ' ' });
  }
  // A backslash at the very end of a block is a literal backslash, not a break: drop trailing breaks.
  while (lines.length > 1 && lines.at(-1)?.length === 0) lines.pop();
  return lines.map((line, i) => finishLine(renderRun(line, 0)) + (i < lines.length - 1 ? '\\' : ''));
}

/** The mark of `type` a segment carries, as a key equal for equal marks (links differ by target). */
const markKey = (segment: LineSegment, type: InlineMark['type']): string | null => {
  if (segment.kind !== 'text') return null;
  const mark = segment.marks.find((m) => m.type === type);
  if (mark === undefined) return null;
  return mark.type === 'link' ? mark.href : type;
};

/** Writes segments with the marks from MARK_ORDER[level] on: each maximal run sharing a mark is wrapped once. */
function renderRun(segments: readonly LineSegment[], level: number): string {
  const type = MARK_ORDER[level];
  if (type === undefined) return segments.map((s) => (s.kind === 'text' ? escapeText(s.text) : s.markdown)).join('');
  let out = '';
  let i = 0;
  while (i < segments.length) {
    const key = markKey(segments[i]!, type);
    let j = i + 1;
    while (j < segments.length && markKey(segments[j]!, type) === key) j++;
    const run = segments.slice(i, j);
    out += key === null ? renderRun(run, level + 1) : wrap(run, type, key, level);
    i = j;
  }
  return out;
}

function wrap(run: readonly LineSegment[], type: InlineMark['type'], key: string, level: number): string {
  switch (type) {
    case 'code':
      return codeSpan(run.map((s) => (s.kind === 'text' ? s.text : '')).join(''));
    case 'link':
      return `[${renderRun(run, level + 1)}](${linkDestination(key)})`;
    case 'bold':
    case 'italic': {
      // Emphasis cannot open before or close after whitespace, so whitespace at the run's ends goes outside it.
      const { lead, core, trail } = peelWhitespace(run);
      if (core.length === 0) return renderRun(run, level + 1);
      const delimiter = type === 'bold' ? '**' : '*';
      return `${renderRun(lead, level + 1)}${delimiter}${renderRun(core, level + 1)}${delimiter}${renderRun(trail, level + 1)}`;
    }
  }
}

function peelWhitespace(run: readonly LineSegment[]): { lead: LineSegment[]; core: LineSegment[]; trail: LineSegment[] } {
  const core = [...run];
  const lead: LineSegment[] = [];
  const trail: LineSegment[] = [];
  for (let first = core[0]; first?.kind === 'text'; first = core[0]) {
    const space = /^\s+/.exec(first.text)?.[0] ?? '';
    if (space === '') break;
    lead.push({ ...first, text: space });
    if (space.length === first.text.length) core.shift();
    else {
      core[0] = { ...first, text: first.text.slice(space.length) };
      break;
    }
  }
  for (let last = core.at(-1); last?.kind === 'text'; last = core.at(-1)) {
    const space = /\s+$/.exec(last.text)?.[0] ?? '';
    if (space === '') break;
    trail.unshift({ ...last, text: space });
    if (space.length === last.text.length) core.pop();
    else {
      core[core.length - 1] = { ...last, text: last.text.slice(0, -space.length) };
      break;
    }
  }
  return { lead, core, trail };
}
