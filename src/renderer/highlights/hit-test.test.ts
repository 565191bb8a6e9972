import { describe, expect, it } from 'vitest';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import type * as HitTest from './hit-test';

const page = useChromiumPage({
  bodyHtml: '<p id="p" style="font: 20px/1.5 monospace; width: 30ch; margin: 40px"><span data-start="100">Taliban and TTP</span> <span>(marker)</span><span data-start="116">al-Qaeda</span></p>',
  modulePath: new URL('./hit-test.ts', import.meta.url).pathname,
});

/** The offset under the middle of the n-th character of the element's text, or a point beside it. */
function offsetAtCharacter(selector: string, index: number, dx = 0): Promise<number | null> {
  return page().evaluate(
    ({ selector, index, dx }) => {
      const m = (window as unknown as { modules: typeof HitTest }).modules;
      const node = document.querySelector(selector)?.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const rect = range.getBoundingClientRect();
      return m.characterAt(document, rect.left + rect.width / 2 + dx, rect.top + rect.height / 2);
    },
    { selector, index, dx },
  );
}

describe('characterAt', () => {
  it('is the canonical offset of the character under the point', async () => {
    expect(await offsetAtCharacter('[data-start="100"]', 0)).toBe(100);
    expect(await offsetAtCharacter('[data-start="100"]', 12)).toBe(112);
    expect(await offsetAtCharacter('[data-start="116"]', 3)).toBe(119);
  });

  it('is null over text that is not canonical, and beside the text', async () => {
    expect(await offsetAtCharacter('#p span:not([data-start])', 2)).toBeNull();
    expect(await offsetAtCharacter('[data-start="116"]', 7, 300)).toBeNull();
  });
});
