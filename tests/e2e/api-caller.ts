import type { Page } from '@playwright/test';

/**
 * Calls the notebook's API from the page, as the renderer does (same origin, the launch token in
 * its header). For arranging what a test starts from, not for what it tests.
 */
export function apiCaller(page: Page, appUrl: string): (method: string, input: unknown) => Promise<unknown> {
  const token = new URL(appUrl).searchParams.get('token') ?? '';
  return (method, input) =>
    page.evaluate(
      async ({ method, input, token }) => {
        const response = await fetch('/api', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token }, body: JSON.stringify({ method, input }) });
        const result = (await response.json()) as { ok: boolean; value: unknown };
        if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result)}`);
        return result.value;
      },
      { method, input, token },
    );
}
