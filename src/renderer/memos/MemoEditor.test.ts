/**
 * The memo editor in a real browser: what the analyst types is saved as typed. The app's
 * Content-Security-Policy refuses the <style> TipTap would inject, so the editor is made without
 * it and memos.css carries ProseMirror's rules; without `white-space: pre-wrap` ProseMirror turns
 * a second space into U+00A0, which then reached the Markdown export.
 */
import { describe, expect, it } from 'vitest';
import { memoId } from '../../core/model/ids';
import type { Memo } from '../../core/model/memo';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import { rendererStyles } from '../../../tests/unit/support/renderer-styles';

const memo: Memo = { id: memoId('m1'), title: 'A memo', doc: { type: 'doc', content: [{ type: 'paragraph' }] }, created: '2026-11-22T10:00:00.000Z', modified: '2026-11-22T10:00:00.000Z' };

const page = useChromiumPage({
  // React reads process.env.NODE_ENV, which the bundle for the page leaves as it is (development: the bundle uses the dev JSX runtime).
  bodyHtml: '<script>window.process = { env: { NODE_ENV: "development" } };</script><div id="styled"></div>',
  css: rendererStyles('theme.css', 'memos.css'),
  modulePath: new URL('./memo-editor.harness.tsx', import.meta.url).pathname,
});

interface Save {
  readonly title: string;
  readonly citationStyle?: string;
  readonly doc: { readonly content: readonly { readonly content?: readonly { readonly text?: string }[] }[] };
}

/** Mounts an editor of the memo, in place of any before it. */
async function mount(): Promise<void> {
  await page().evaluate((m) => {
    const root = document.getElementById('styled');
    if (root === null) throw new Error('no root');
    root.replaceChildren();
    (window as unknown as { calls: unknown[] }).calls = (window as unknown as { modules: { mountMemoEditor: (r: HTMLElement, m: unknown) => { calls: unknown[] } } }).modules.mountMemoEditor(root, m).calls;
  }, memo);
}

/** Mounts an editor, types into it, and gives back the last save it sent. */
async function typeAndSave(typed: string): Promise<Save> {
  await mount();
  const editor = page().getByRole('textbox', { name: 'Memo', exact: true });
  await editor.click();
  await page().keyboard.type(typed);
  // Blurring the editor saves at once.
  await page().getByRole('textbox', { name: 'Memo title' }).focus();
  await page().waitForFunction(() => (window as unknown as { calls: { method: string }[] }).calls.some((c) => c.method === 'memos.save'));
  return page().evaluate(() => {
    const saves = (window as unknown as { calls: { method: string; input: unknown }[] }).calls.filter((c) => c.method === 'memos.save');
    return saves.at(-1)?.input as Save;
  });
}

const savedText = (save: Save): string => save.doc.content.flatMap((p) => p.content ?? []).map((n) => n.text ?? '').join('');

/** The placeholder shown in the memo's first paragraph, or '' when none is. */
const shownPlaceholder = () =>
  page().evaluate(() => {
    const first = document.querySelector('.memo-text p');
    const content = first ? getComputedStyle(first, '::before').content : 'none';
    return content === 'none' || content === 'normal' ? '' : content.replace(/^"|"$/g, '');
  });

describe('MemoEditor in a browser', () => {
  it('says where to write in an empty memo, and no more once something is written', async () => {
    await mount();
    const editor = page().getByRole('textbox', { name: 'Memo', exact: true });
    const placeholder = await editor.getAttribute('aria-placeholder');
    expect(placeholder).toMatch(/Type @ to cite a highlight/);
    await page().waitForFunction(() => document.querySelector('.memo-text p.is-editor-empty') !== null);
    expect(await shownPlaceholder()).toBe(placeholder);
    await editor.click();
    await page().keyboard.type('A first line');
    await page().waitForFunction(() => document.querySelector('.memo-text p.is-editor-empty') === null);
    expect(await shownPlaceholder()).toBe('');
  });

  it('keeps the title on one line that wraps: Enter goes on to the memo, a pasted line break becomes a space', async () => {
    await mount();
    const title = page().getByRole('textbox', { name: 'Memo title' });
    await title.fill('Groups under the Taliban\nand their sanctuaries');
    expect(await title.inputValue()).toBe('Groups under the Taliban and their sanctuaries');
    await title.press('Enter');
    expect(await title.inputValue()).toBe('Groups under the Taliban and their sanctuaries');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Memo');
  });

  it('saves two spaces typed between words, and one at the end, as U+0020', async () => {
    const save = await typeAndSave('two  spaces, then three   and one at the end ');
    expect([...savedText(save)].filter((c) => c === '\u00a0')).toEqual([]);
    expect(savedText(save)).toBe('two  spaces, then three   and one at the end ');
  });

  it('saves the citation style chosen with the memo', async () => {
    await typeAndSave('x');
    await page().getByRole('combobox', { name: 'Citation style' }).selectOption({ label: 'APA' });
    await page().getByRole('textbox', { name: 'Memo title' }).focus();
    await page().waitForFunction(() => (window as unknown as { calls: { method: string; input: { citationStyle?: string } }[] }).calls.some((c) => c.method === 'memos.save' && c.input.citationStyle === 'apa'));
    expect(await page().getByRole('combobox', { name: 'Citation style' }).inputValue()).toBe('apa');
  });
});
