import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { chromiumLaunchOptions } from '../../e2e/chromium';

/** Bundles a renderer module and its imports into one ES module, as a string. */
async function bundleForBrowser(modulePath: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: modulePath, formats: ['es'], fileName: 'module' } },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`Bundling ${modulePath} produced no code.`);
  return chunk.code;
}

export interface PageContent {
  readonly bodyHtml: string;
  readonly css?: string;
  /** A module whose exports the page gets as `window.modules`. */
  readonly modulePath?: string;
}

/**
 * For DOM tests that need a real browser's layout, Ranges and Selections: one Chromium page for
 * the test file. Tests share the page, so they must leave its DOM as they found it.
 */
export function useChromiumPage({ bodyHtml, css = '', modulePath }: PageContent): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    const [launched, bundle] = await Promise.all([chromium.launch(chromiumLaunchOptions), modulePath ? bundleForBrowser(modulePath) : null]);
    browser = launched;
    page = await browser.newPage();
    await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body>${bodyHtml}</body></html>`);
    if (bundle === null) return;
    // Passed as a string: Vitest rewrites import() in functions it compiles, which the page lacks.
    await page.evaluate(`(async () => {
      const url = URL.createObjectURL(new Blob([${JSON.stringify(bundle)}], { type: 'text/javascript' }));
      window.modules = await import(url);
    })()`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!page) throw new Error('useChromiumPage: the page is not open; use it inside a test.');
    return page;
  };
}
