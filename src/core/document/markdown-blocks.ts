/**
 * The block structure of a Markdown text: ATX headings, paragraphs, block quotes and (nested)
 * list items, following CommonMark where the bundled report needs it. Inline content is left as
 * source lines for markdown-inline.ts; unknown constructs simply stay paragraph text.
 */

export type RawBlockKind = 'heading' | 'paragraph' | 'listItem' | 'quote';

export interface RawBlock {
  readonly kind: RawBlockKind;
  /** The block's inline source, one entry per source line, markers and indentation removed. */
  readonly lines: readonly string[];
  readonly level?: number;
  readonly depth?: number;
  /** "•" for bullets, the number as written ("1.", "2)") for ordered items. */
  readonly marker?: string;
}

interface OpenBlock {
  readonly kind: RawBlockKind;
  readonly lines: string[];
  readonly depth?: number;
  readonly marker?: string;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^( *)([-+*]|\d{1,9}[.)])([ \t]+)(\S.*)$/;
const ORDERED_CONTENT = /^(\d{1,9}[.)])([ \t]+)(\S.*)$/;
const BLANK = /^\s*$/;
const BULLET = '•';

/** Leading tabs count to the next multiple of four columns, as CommonMark says. */
function expandLeadingTabs(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  if (!lead.includes('\t')) return line;
  let columns = 0;
  for (const ch of lead) columns = ch === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  return ' '.repeat(columns) + line.slice(lead.length);
}

export function scanBlocks(source: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  /** Content columns of the open list items, outermost first. */
  const listColumns: number[] = [];
  let open: OpenBlock | null = null;
  let afterBlank = false;

  const close = (): void => {
    if (open) blocks.push(open);
    open = null;
  };
  const leaveLists = (below: number): void => {
    while (listColumns.length > 0 && below < listColumns[listColumns.length - 1]!) listColumns.pop();
  };

  for (const rawLine of source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = expandLeadingTabs(rawLine);
    if (BLANK.test(line)) {
      close();
      afterBlank = true;
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    const text = line.slice(indent);
    const continuing = open !== null && !afterBlank;
    afterBlank = false;

    const heading = HEADING.exec(line);
    if (heading) {
      close();
      listColumns.length = 0;
      const content = (heading[2] ?? '').replace(CLOSING_HASHES, '').trim();
      blocks.push({ kind: 'heading', level: heading[1]!.length, lines: [content] });
      continue;
    }

    const quote = QUOTE.exec(line);
    if (quote) {
      const inner = quote[1]!;
      if (open?.kind === 'quote' && continuing && !BLANK.test(inner)) {
        open.lines.push(inner);
      } else {
        close();
        listColumns.length = 0;
        if (!BLANK.test(inner)) open = { kind: 'quote', lines: [inner] };
      }
      continue;
    }

    const item = startsListItem(line, open, continuing);
    if (item) {
      close();
      leaveLists(indent);
      const depth = listColumns.length;
      listColumns.push(item.contentColumn);
      open = { kind: 'listItem', lines: [item.content], depth, marker: item.marker };
      continue;
    }

    if (continuing && open) {
      // A lazy continuation line: the paragraph (or item, or quote) was only wrapped.
      open.lines.push(text);
      continue;
    }
    close();
    leaveLists(indent);
    // After a blank line, text indented to an open item's content is a further paragraph of it.
    open = listColumns.length > 0 ? { kind: 'listItem', lines: [text], depth: listColumns.length - 1 } : { kind: 'paragraph', lines: [text] };
  }
  close();
  return blocks;
}

interface ListItemStart {
  readonly marker: string;
  readonly content: string;
  readonly contentColumn: number;
}

function startsListItem(line: string, open: OpenBlock | null, continuing: boolean): ListItemStart | null {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  const [, lead, marker, gap, content] = match as unknown as [string, string, string, string, string];
  const ordered = /\d/.test(marker);
  // CommonMark: inside a running paragraph only "1." may start an ordered list, so that a wrapped
  // line beginning "2020. That year…" stays prose.
  if (continuing && open?.kind !== 'listItem' && ordered && !/^0*1[.)]$/.test(marker)) return null;
  const column = lead.length + marker.length + (gap.length > 4 ? 1 : gap.length);
  const numbered = ordered ? null : ORDERED_CONTENT.exec(content);
  if (numbered) {
    // "- 1. Enhanced …": the report's conversion put a bullet in front of each numbered
    // recommendation. CommonMark would nest a one-item ordered list in an empty bullet; the
    // evident meaning is one numbered item, so it becomes exactly that.
    const [, number, innerGap, innerContent] = numbered as unknown as [string, string, string, string];
    return { marker: number, content: innerContent, contentColumn: column + number.length + innerGap.length };
  }
  return { marker: ordered ? marker : BULLET, content, contentColumn: column };
}
