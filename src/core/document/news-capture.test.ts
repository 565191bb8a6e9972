import { describe, expect, it } from 'vitest';
import { parseNewsCapture } from './news-capture';

const LISTED = ' - Pakistan, Afghanistan extend ceasefire - Reuters - October 31st, 2025 [October 31st, 2025]';

function outline(raw: string): unknown[][] {
  const parsed = parseNewsCapture(raw);
  return parsed.blocks.map((block) => [block.kind, parsed.text.slice(block.range.start, block.range.end), block.trailer ?? false]);
}

describe('parseNewsCapture', () => {
  it('makes every non-blank line a block, NBSP-only lines being blank', () => {
    const parsed = parseNewsCapture('First paragraph.\n\u00a0\n\n  Second paragraph.  \nThird.');
    expect(parsed.text).toBe('First paragraph.\n\nSecond paragraph.\n\nThird.');
    expect(parsed.blocks.map((block) => [block.range.start, block.range.end])).toEqual([
      [0, 16],
      [18, 35],
      [37, 43],
    ]);
  });

  it('makes a first line shaped like a page title a level-1 heading', () => {
    const parsed = parseNewsCapture('What Happened to the Pledge? – Foreign Policy\nBody.');
    expect(parsed.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(parseNewsCapture('He said - and meant it, too.\nBody.').blocks[0]!.kind).toBe('paragraph');
  });

  it('makes the line after a leading rubric and dateline the headline', () => {
    expect(outline('Situation, Facts and Events\n11.09.2023\n\nDuality of a policy\n\nBody.').map((b) => b[0])).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(outline('January 13, 2025\n\nA caption of a photo.\n\nBody.').map((b) => b[0])).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('sets the aggregator link list and the "Link:" back to the original apart as a trailer', () => {
    const raw = ['Title – Foreign Policy', 'Article text.', 'Last article paragraph.', 'Link:', "Title - Foreign Policy", `- ${LISTED.slice(3)}`, LISTED].join('\n');
    expect(outline(raw)).toEqual([
      ['heading', 'Title – Foreign Policy', false],
      ['paragraph', 'Article text.', false],
      ['paragraph', 'Last article paragraph.', false],
      ['paragraph', 'Link:', true],
      ['paragraph', 'Title - Foreign Policy', true],
      ['listItem', LISTED.slice(3), true],
      ['listItem', LISTED.slice(3), true],
    ]);
  });

  it('recognises a blog footer as a trailer', () => {
    const raw = 'Article.\n\nAbout The Author\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *';
    expect(outline(raw).map((b) => b[2])).toEqual([false, true, true, true]);
  });

  it('only takes the trailer from the end: look-alike lines inside the article stay article', () => {
    const raw = ['Comments are closed.', 'Link:', 'The article goes on.', LISTED, 'And ends here.'].join('\n');
    expect(outline(raw).map((b) => b[2])).toEqual([false, false, false, false, false]);
  });

  it('keeps an attribution line at the end as article text', () => {
    expect(outline('Article.\n\nSource: Институт Ближнего Востока').map((b) => b[2])).toEqual([false, false]);
  });
});
