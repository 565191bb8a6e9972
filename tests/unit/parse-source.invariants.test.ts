import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/core/document/parse-source';
import type { Block, ParsedSource } from '../../src/core/model/source';
import { readBundledSources } from './bundled-source-files';

/**
 * What must hold for every bundled source whatever the parser's details: the canonical text is
 * the blocks joined by blank lines, no Markdown syntax is left for the reader to show, marks stay
 * inside their blocks, and every reference inside a source leads somewhere.
 */

const sources = readBundledSources().map(({ meta, raw }) => ({ meta, raw, parsed: parseSource(raw, meta.format) }));
const textOf = (parsed: ParsedSource, block: Block): string => parsed.text.slice(block.range.start, block.range.end);
const sourceFor = (id: string) => sources.find((source) => source.meta.id === id)!;

describe.each(sources)('$meta.file', ({ meta, raw, parsed }) => {
  it('is made of its blocks, in order, joined by a blank line', () => {
    expect(parsed.blocks.length).toBeGreaterThan(0);
    expect(parsed.blocks[0]!.range.start).toBe(0);
    expect(parsed.blocks.at(-1)!.range.end).toBe(parsed.text.length);
    parsed.blocks.forEach((block, i) => {
      expect(block.range.end, `block ${i} is empty`).toBeGreaterThan(block.range.start);
      const next = parsed.blocks[i + 1];
      if (next) expect(next.range.start, `block ${i + 1} does not follow block ${i}`).toBe(block.range.end + 2);
    });
    expect(parsed.text).toBe(parsed.blocks.map((block) => textOf(parsed, block)).join('\n\n'));
  });

  it('shows no Markdown or HTML syntax the parser should have consumed', () => {
    const leftovers = parsed.blocks
      .map((block, i) => ({ i, text: textOf(parsed, block) }))
      .filter(({ text }) => /\*\*|__|<\/?sup>|<\/?b>|^#{1,6} |^\s*- /m.test(text));
    expect(leftovers).toEqual([]);
  });

  it('keeps every mark inside its block and non-empty', () => {
    parsed.blocks.forEach((block, i) => {
      for (const mark of block.marks) {
        expect(mark.range.start, `a ${mark.kind} mark of block ${i}`).toBeGreaterThanOrEqual(block.range.start);
        expect(mark.range.end, `a ${mark.kind} mark of block ${i}`).toBeLessThanOrEqual(block.range.end);
        expect(mark.range.end, `a ${mark.kind} mark of block ${i}`).toBeGreaterThan(mark.range.start);
      }
    });
  });

  it('has a note block for every footnote marker, and a heading for every contents entry', () => {
    const notes = new Set(parsed.blocks.flatMap((block) => (block.kind === 'note' ? [block.note] : [])));
    const markers = parsed.blocks.flatMap((block) => block.marks.flatMap((mark) => (mark.kind === 'footnoteRef' ? [mark.note] : [])));
    expect(markers.filter((note) => !notes.has(note))).toEqual([]);
    expect(markers.length).toBe([...raw.matchAll(/<sup>\s*\d+\s*<\/sup>/g)].length);
    for (const block of parsed.blocks.filter((b) => b.kind === 'tocEntry')) {
      expect(block.target, `contents entry "${textOf(parsed, block)}"`).toBeDefined();
      expect(parsed.blocks[block.target!]!.kind).toBe('heading');
    }
  });

  it('keeps the trailer, if any, at the end', () => {
    const first = parsed.blocks.findIndex((block) => block.trailer);
    if (first >= 0) expect(parsed.blocks.slice(first).every((block) => block.trailer)).toBe(true);
    if (meta.format === 'markdown') expect(first).toBe(-1);
  });
});

describe('the Andiana report', () => {
  const { parsed, raw } = sourceFor('andiana-new-jihadi-sphere-2025');
  const blocks = parsed.blocks;
  const find = (kind: Block['kind'], text: string) => blocks.findIndex((block) => block.kind === kind && textOf(parsed, block) === text);

  it('has notes 1 to 143, each once, in order', () => {
    const notes = blocks.flatMap((block) => (block.kind === 'note' ? [block.note] : []));
    expect(notes).toEqual(Array.from({ length: 143 }, (_, i) => i + 1));
    expect(textOf(parsed, blocks.find((block) => block.note === 63)!)).toBe('Taliban’s fighting unit');
  });

  it('keeps a note that a page break split whole, the break shown as a line break', () => {
    const note51 = blocks.find((block) => block.note === 51)!;
    expect(textOf(parsed, note51)).toBe(
      'United Nations Security Council, "Letter Dated 19 May 2020 from the Chair of the Security Council Committee\nEstablished Pursuant to Resolution 1988 (2011) Addressed to the President of the Security Council.”',
    );
  });

  it('has its reference list before the notes', () => {
    const references = blocks.filter((block) => block.kind === 'reference');
    expect(references.length).toBe(60);
    expect(textOf(parsed, references[0]!)).toMatch(/^AA\. "Taliban Rebuffs UN Report/);
    expect(references.at(-1)!.range.end).toBeLessThan(blocks.find((block) => block.note === 1)!.range.start);
  });

  it('points its table of contents at the headings, page numbers dropped', () => {
    const toc = blocks.flatMap((block) => (block.kind === 'tocEntry' ? [[textOf(parsed, block), textOf(parsed, blocks[block.target!]!)]] : []));
    expect(toc).toEqual([
      ['Executive Summmary', 'Executive Summary'],
      ['Recommendations', 'Recommendations'],
      ['Introduction', 'Introduction'],
      ['Contextual and Historical Background', 'Contextual and Historical Background'],
      ['Analysis', 'Analysis'],
      ['Jihadi Strategic Relationships, Symbiosis, Reciprocity, and Rivalry', 'Jihadi Strategic Relationships: Symbiosis, Reciprocity, and Rivalry'],
      ['Economic Ties', 'Economic Ties'],
      ['IS-Khorasan and the Taliban', 'IS-Khorasan and the Taliban'],
      ['Conclusion', 'Conclusion'],
      ['A Way Forward: A Strategic Approach to the Taliban', 'Ways Forward: A Strategic Approach to the Taliban'],
    ]);
  });

  it('has its five numbered recommendations, each with a bold title', () => {
    const heading = find('heading', 'Recommendations');
    const items = blocks.slice(heading + 1, heading + 6);
    expect(items.map((block) => [block.kind, block.depth, block.marker])).toEqual(
      ['1.', '2.', '3.', '4.', '5.'].map((marker) => ['listItem', 0, marker]),
    );
    expect(items.map((block) => block.marks.map((mark) => [mark.kind, parsed.text.slice(mark.range.start, mark.range.end)]))).toEqual([
      [['bold', 'Enhanced Intelligence and Monitoring:']],
      [['bold', 'Strategic Engagement:']],
      [['bold', 'Long-Term Strategy:']],
      [['bold', 'Conditional Engagement:']],
      [['bold', 'Avoiding Legitimacy Boost:']],
    ]);
  });

  it('has the headings of the report, bold wrappers removed', () => {
    const headings = blocks.filter((block) => block.kind === 'heading').map((block) => [block.level, textOf(parsed, block).slice(0, 40)]);
    expect(headings.slice(0, 8)).toEqual([
      [1, "The New Jihadi Sphere Under Taliban's Ru"],
      [1, "The New Jihadi Sphere Under Taliban's Ru"],
      [1, 'Weeda Mehran'],
      [1, 'Table of Contents'],
      [1, 'Executive Summary'],
      [1, 'Our findings provide insights into:'],
      [1, 'Recommendations'],
      [2, 'Introduction'],
    ]);
    expect(headings).toContainEqual([2, 'IS-Khorasan and the Taliban']);
    expect(headings.filter(([level]) => level === 2).map(([, text]) => text)).toEqual(
      expect.arrayContaining(['Develop Better Insights:', 'Avoid a False Narrative:', 'Exhibit Strategic Patience:', 'References']),
    );
  });

  it('keeps the hard break of the disclaimer and the research questions as a list', () => {
    expect(parsed.text).toContain('as they reflect their personal views.\nAndiana Foundation is not liable for the content.');
    const question = blocks[find('listItem', 'How has the Taliban\'s victory in 2021 impacted the landscape of jihad in Afghanistan?')]!;
    expect(question).toMatchObject({ depth: 0, marker: '•' });
  });

  it('shows ordinal superscripts as plain text', () => {
    expect(raw).toContain('Feb 29<sup>th</sup>, 2020');
    expect(parsed.text).toContain('Feb 29th, 2020');
  });

  it('parses in a few milliseconds', () => {
    parseSource(raw, 'markdown');
    const started = performance.now();
    for (let i = 0; i < 5; i++) parseSource(raw, 'markdown');
    expect((performance.now() - started) / 5).toBeLessThan(50);
  });
});

describe('the news captures', () => {
  const trailerOf = (id: string) => {
    const { parsed } = sourceFor(id);
    const first = parsed.blocks.findIndex((block) => block.trailer);
    return { parsed, first, lastArticle: textOf(parsed, parsed.blocks[first - 1]!), trailer: parsed.blocks.slice(first) };
  };

  it('sets apart the first capture’s link list, its last article paragraph untouched', () => {
    const { parsed, lastArticle, trailer } = trailerOf('fp-taliban-pledge-capture-1');
    expect(parsed.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(lastArticle).toMatch(/^The Talibans leadership know that any attempt/);
    expect(trailer.slice(0, 2).map((block) => textOf(parsed, block))).toEqual(['Link:', "What Happened to the Taliban's Pledge to Fight Terrorism? - Foreign Policy"]);
    expect(trailer.slice(2).every((block) => block.kind === 'listItem' && block.marker === '•')).toBe(true);
    expect(trailer.length - 2).toBe(80);
  });

  it('sets apart the second capture’s footer, the article being the same', () => {
    const first = trailerOf('fp-taliban-pledge-capture-1');
    const second = trailerOf('fp-taliban-pledge-capture-2');
    expect(second.trailer.map((block) => textOf(second.parsed, block))).toEqual(['Link:', "What Happened to the Taliban's Pledge to Fight Terrorism? - Foreign Policy", 'Related Posts', 'Comments are closed.']);
    expect(second.parsed.text.slice(0, second.trailer[0]!.range.start)).toBe(first.parsed.text.slice(0, first.trailer[0]!.range.start));
  });

  it('sets apart the comment footer of the ISIS-K article only', () => {
    const { parsed, lastArticle, trailer } = trailerOf('us-taliban-isis-k-cooperation-2025');
    expect(lastArticle).toMatch(/^In the chaotic final days of the U\.S\. troop withdrawal/);
    expect(trailer.map((block) => textOf(parsed, block))).toEqual(['About The Author', 'Leave a Reply', 'Your email address will not be published. Required fields are marked *']);
  });

  it('finds no trailer in the institute’s analysis, whose last line is its source', () => {
    const { parsed } = sourceFor('ime-taliban-counter-terrorism-duality-2023');
    expect(parsed.blocks.some((block) => block.trailer)).toBe(false);
    expect(textOf(parsed, parsed.blocks.at(-1)!)).toBe('Source: Институт Ближнего Востока');
    expect(parsed.blocks.map((block) => block.kind).indexOf('heading')).toBe(2);
  });
});
