import { expect, type Page } from '@playwright/test';

/**
 * Selects with the mouse, as a person would: presses on the first character of `from` and drags
 * to the last character of `to` (its first occurrence from there on), in the text of the readers
 * on the page. Each must lie in one run of text; the two are scrolled into view together.
 */
export async function dragSelect(page: Page, from: string, to: string = from) {
  // Off the text first: a pointer left resting on a highlight opens its card, which could lie
  // over the place the drag starts from.
  await page.mouse.move(0, 0);
  const points = await page.evaluate(
    ({ from, to }) => {
      const texts = Array.from(document.querySelectorAll('.source-body [data-start]'), (el) => el.firstChild).filter((n): n is Text => n instanceof Text);
      const find = (needle: string, after: { node: Text; index: number } | null): { node: Text; index: number } => {
        let started = after === null;
        for (const node of texts) {
          if (node === after?.node) started = true;
          const index = started ? node.data.indexOf(needle, node === after?.node ? after.index : 0) : -1;
          if (index >= 0) return { node, index };
        }
        throw new Error(`“${needle}” is not in one run of the reader's text`);
      };
      const start = find(from, null);
      const end = find(to, start);
      const charBox = (node: Text, index: number) => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect();
      };
      const scroller = start.node.parentElement?.closest('.reader-scroller') as Element;
      const view = scroller.getBoundingClientRect();
      const middle = (charBox(start.node, start.index).top + charBox(end.node, end.index + to.length - 1).bottom) / 2;
      scroller.scrollTop += middle - (view.top + view.height / 2);
      const first = charBox(start.node, start.index);
      const last = charBox(end.node, end.index + to.length - 1);
      if (first.top < view.top || last.bottom > view.bottom) throw new Error('The passage is taller than the reader.');
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    { from, to },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
  // The Selection toolbar follows the selection a moment later; its H and T shortcuts act on the
  // selection it offers, so a key pressed before it appears would have nothing to act on.
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
}
