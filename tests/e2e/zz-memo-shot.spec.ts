import { expect, test } from './fixtures';

test('shot', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const token = new URL(appUrl).searchParams.get('token')!;
  const call = (method: string, input: unknown) => page.evaluate(async ({ method, input, token }) => {
    const r = await fetch('/api', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-notebook-token': token }, body: JSON.stringify({ method, input }) });
    return r.json();
  }, { method, input, token });
  const report = await call('sources.get', { sourceId: 'andiana-new-jihadi-sphere-2025' });
  const text: string = report.value.text;
  const mk = async (needle: string, tags: unknown[]) => { const s = text.indexOf(needle); return call('highlights.create', { sourceId: 'andiana-new-jihadi-sphere-2025', start: s, end: s + needle.length, tags }); };
  console.log(JSON.stringify(await mk("Over two dozen terrorist groups currently operate freely in Afghanistan under the Taliban's de facto rule.10", [{ tagId: 'group:ttp' }])).slice(0, 200));
  await mk('Accurate and comprehensive intelligence on the Taliban', [{ tagId: 'rec:r1', stance: 'supports' }, { tagId: 'group:ttp' }]);
  const gone = await mk('The Taliban\'s relationship with TTP is particularly concerning.', [{ tagId: 'group:ttp' }]);
  await page.getByRole('link').filter({ hasText: 'The New Jihadi Sphere Under Taliban' }).click();
  await page.getByRole('button', { name: 'Memos' }).click();
  await page.getByRole('button', { name: 'New memo from tag' }).click();
  await page.getByRole('checkbox', { name: /TTP/ }).first().check();
  await page.getByRole('checkbox', { name: /Enhanced Intelligence/ }).check();
  await page.getByRole('button', { name: /Draft from 2 tags/ }).click();
  await expect(page.getByRole('textbox', { name: 'Memo title' })).toHaveValue(/Memo from tags/);
  await call('highlights.delete', { highlightId: gone.value.highlight.id });
  await page.getByRole('button', { name: 'Undo' }).last().click().catch(() => undefined);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/memo-1.png' });
  await page.getByRole('textbox', { name: 'Memo', exact: true }).press('Control+End');
  await page.keyboard.type('Check @intell');
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/memo-2.png' });
});
