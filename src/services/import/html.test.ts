import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../core/import/import-failure';
import type { ParsedSource } from '../../core/model/source';
import { newsPageFacts, savedNewsPage } from '../../../tests/fixtures/import/make-web-page';
import { convertHtml } from './html';

const convert = (html: string | Uint8Array, fileName = 'page.html') =>
  convertHtml({ bytes: typeof html === 'string' ? new TextEncoder().encode(html) : html, fileName, limits: DEFAULT_IMPORT_LIMITS });

const blockTexts = (parsed: ParsedSource) => parsed.blocks.map((block) => [block.kind, parsed.text.slice(block.range.start, block.range.end)]);

describe('convertHtml: a saved news page', () => {
  it('keeps the article and its metadata', async () => {
    const result = await convert(savedNewsPage());
    const f = newsPageFacts;
    expect(result.format).toBe('html');
    expect(result.metadata).toEqual({ title: f.title, author: f.author, publisher: f.publisher, date: f.date, isoDate: f.isoDate, link: f.link });
    expect(blockTexts(result.parsed)[0]).toEqual(['heading', f.title]);
    expect(result.parsed.text).toContain(f.sentence);
    expect(blockTexts(result.parsed)).toContainEqual(['quote', f.quote]);
    expect(blockTexts(result.parsed)).toContainEqual(['paragraph', f.caption]);
    expect(result.warnings).toEqual(['1 image was left out.']);
  });

  it('keeps bold and web links, and a javascript: link only as plain text', async () => {
    const { parsed } = await convert(savedNewsPage());
    const marked = parsed.blocks.flatMap((block) => block.marks).map((mark) => [mark.kind, parsed.text.slice(mark.range.start, mark.range.end), 'href' in mark ? mark.href : null]);
    expect(marked).toContainEqual(['bold', newsPageFacts.boldWords, null]);
    expect(marked).toContainEqual(['link', newsPageFacts.articleLink.text, newsPageFacts.articleLink.href]);
    expect(parsed.text).toContain(newsPageFacts.scriptLinkText);
    expect(marked.filter(([kind]) => kind === 'link')).toHaveLength(1);
  });

  it('leaves out navigation, adverts, the most-read list, the footer, the cookie banner, forms and scripts', async () => {
    const { parsed } = await convert(savedNewsPage());
    for (const clutter of newsPageFacts.clutter) expect(parsed.text, clutter).not.toContain(clutter);
    expect(parsed.text).not.toContain('Injected by script');
  });

  it('fetches nothing the page links to and runs none of its scripts', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('alert(1)');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const alerts: unknown[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (...args: Parameters<typeof fetch>) => {
      alerts.push(args[0]);
      return original(...args);
    };
    try {
      const html = savedNewsPage(`http://127.0.0.1:${port}`).replace('</head>', `<script src="http://127.0.0.1:${port}/more.js"></script><link rel="preload" href="http://127.0.0.1:${port}/font.woff2"></head>`);
      await convert(html);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      globalThis.fetch = original;
      await new Promise((resolve) => server.close(resolve));
    }
    expect(requests).toEqual([]);
    expect(alerts).toEqual([]);
  });
});

describe('convertHtml: other pages', () => {
  it('falls back to the body, without its chrome, when there is no article to find', async () => {
    const result = await convert('<html><head><title>Short note</title></head><body><nav><a href="/">Home</a></nav><h2>Memo</h2><p>Meet at <b>noon</b>.</p><footer>Footer text</footer></body></html>');
    expect(result.parsed.text).toBe('Short note\n\nMemo\n\nMeet at noon.');
    expect(result.metadata).toMatchObject({ title: 'Short note', author: null, link: null });
    const promo = await convert('<body class="promo ads"><p>Plain page.</p><div class="ad-slot">Buy now</div></body>');
    expect(promo.parsed.text).toBe('Plain page.');
    const profile = await convert('<head><meta property="article:author" content="https://social.example/jane"><meta name="dc.creator" content="Jane Roe"></head><p>Text.</p>');
    expect(profile.metadata.author).toBe('Jane Roe');
  });

  it('reads footnotes in the generic web form', async () => {
    const { parsed } = await convert(
      '<body><p>Claim<sup><a href="#fn1" id="r1">1</a></sup>.</p><section class="footnotes"><ol><li id="fn1"><p>Source. <a href="#r1">↩</a></p></li></ol></section></body>',
    );
    expect(parsed.text).toBe('Claim1.\n\nNotes\n\nSource.');
    expect(parsed.blocks[2]).toMatchObject({ kind: 'note', note: 1 });
  });

  it('takes scholarly citation_* metadata first, and no link that is not http(s)', async () => {
    const { metadata } = await convert(
      '<head><meta name="citation_title" content="On Tides"><meta name="citation_author" content="Roe, A."><meta name="citation_author" content="Doe, B."><meta name="citation_publication_date" content="2019/07/02"><meta name="citation_journal_title" content="Journal of Harbours"><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="ftp://x.example/a"></head><body><p>Text.</p></body>',
    );
    expect(metadata).toEqual({ title: 'On Tides', author: 'Roe, A.; Doe, B.', publisher: 'Journal of Harbours', date: '2019/07/02', isoDate: '2019-07-02', link: null });
  });

  it('decodes by BOM, by declared charset, as UTF-8 when valid, and as windows-1252 otherwise', async () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('<p>Caf'), 0xe9, ...new TextEncoder().encode(' cr'), 0xe8, ...new TextEncoder().encode('me</p>')]);
    expect((await convert(latin1)).parsed.text).toBe('Café crème');
    const declared = Uint8Array.from([...new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>'), 0xb1, ...new TextEncoder().encode('</p>')]);
    expect((await convert(declared)).parsed.text).toBe('ą');
    expect((await convert(new TextEncoder().encode('<p>Zürich – “quoted”</p>'))).parsed.text).toBe('Zürich – “quoted”');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('<p>Hi</p>').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await convert(utf16)).parsed.text).toBe('Hi');
  });

  it('fails with a reason when the page has no text', async () => {
    await expect(convert('<html><body><script>document.write("x")</script><img src="a.png"></body></html>')).rejects.toThrow(/no text Notebook can show/);
  });
});
