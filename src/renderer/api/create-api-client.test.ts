import { describe, expect, it } from 'vitest';
import { API_GLOBAL } from '../../shared/transport';
import { createApiClient, KEEPALIVE_BUDGET_BYTES, launchTokenMissing, type ClientEnvironment, type PreloadBridge } from './create-api-client';

interface SentRequest {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

/** A page opened at `search`, whose fetch answers with `answer` and records what was sent. */
function browserPage(search: string, answer: () => Promise<Response>): { environment: ClientEnvironment; sent: SentRequest[]; fire: (type: 'pagehide' | 'pageshow') => void } {
  const sent: SentRequest[] = [];
  const listeners: { type: string; listener: () => void }[] = [];
  const environment: ClientEnvironment = {
    location: { search },
    fetch: async (url, init) => {
      sent.push({ url: String(url), init });
      return answer();
    },
    addEventListener: (type, listener) => listeners.push({ type, listener }),
  };
  const fire = (type: 'pagehide' | 'pageshow') => listeners.filter((l) => l.type === type).forEach((l) => l.listener());
  return { environment, sent, fire };
}

const json = (status: number, body: unknown): Promise<Response> =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

describe('createApiClient over HTTP', () => {
  it('POSTs the call to /api with the token from the page URL and returns the result', async () => {
    const { environment, sent } = browserPage('?token=tok_en-1', () => json(200, { ok: true, value: [] }));
    const result = await createApiClient(environment).call('sources.list', {});
    expect(result).toEqual({ ok: true, value: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/api');
    expect(sent[0]?.init?.method).toBe('POST');
    expect(sent[0]?.init?.headers).toMatchObject({ 'X-Notebook-Token': 'tok_en-1', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(sent[0]?.init?.body))).toEqual({ method: 'sources.list', input: {} });
  });

  it('passes the server’s typed refusals through, 403 included', async () => {
    const refusal = { ok: false, error: { code: 'forbidden', message: 'The launch token does not match this run of Notebook.' } };
    const { environment } = browserPage('?token=old', () => json(403, refusal));
    expect(await createApiClient(environment).call('notebook.status', {})).toEqual(refusal);
  });

  it('turns an unreachable server into an error with a sentence', async () => {
    const { environment } = browserPage('?token=t', () => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createApiClient(environment).call('sources.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('cannot be reached') } });
  });

  it('turns a non-JSON answer into an error naming the status', async () => {
    const { environment } = browserPage('?token=t', () => Promise.resolve(new Response('<h1>Forbidden</h1>', { status: 403 })));
    const result = await createApiClient(environment).call('sources.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('HTTP 403') } });
  });

  it('turns JSON that is not an ApiResult into an error', async () => {
    const { environment } = browserPage('?token=t', () => json(200, { sources: [] }));
    expect(await createApiClient(environment).call('sources.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses to call without a token, telling the person which address to open', async () => {
    const { environment, sent } = browserPage('', () => json(200, { ok: true, value: [] }));
    const result = await createApiClient(environment).call('sources.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('launch token') } });
    expect(sent).toEqual([]);
  });
});

describe('launchTokenMissing', () => {
  const never = () => Promise.reject(new Error('no call expected'));

  it('is true for a browser page opened without a token, or with an empty one', () => {
    expect(launchTokenMissing(browserPage('', never).environment)).toBe(true);
    expect(launchTokenMissing(browserPage('?token=', never).environment)).toBe(true);
    expect(launchTokenMissing(browserPage('?other=1', never).environment)).toBe(true);
  });

  it('is false with a token, and in the desktop app, which needs none', () => {
    expect(launchTokenMissing(browserPage('?token=abc', never).environment)).toBe(false);
    const bridge: PreloadBridge = { call: () => Promise.resolve({ ok: true, value: null }) };
    expect(launchTokenMissing({ [API_GLOBAL]: bridge, location: { search: '' }, fetch: never })).toBe(false);
  });
});

describe('createApiClient keepalive', () => {
  /** A memo whose request body is about `bytes` long. */
  const memoOf = (bytes: number) => ({ memoId: 'm1', title: 'T', doc: { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(bytes) }] }] } });

  it('sends a small call with keepalive, so that one made as the page is left still arrives', async () => {
    const { environment, sent, fire } = browserPage('?token=t', () => json(200, { ok: true, value: null }));
    const client = createApiClient(environment);
    fire('pagehide');
    await client.call('reading.set', { sourceId: 's1', offset: 10 });
    expect(sent[0]?.init?.keepalive).toBe(true);
  });

  it('sends ordinary requests while the page is shown, since Chromium refuses a tenth keepalive fetch in flight', async () => {
    const { environment, sent, fire } = browserPage('?token=t', () => json(200, { ok: true, value: null }));
    const client = createApiClient(environment);
    await client.call('reading.set', { sourceId: 's1', offset: 10 });
    fire('pagehide');
    fire('pageshow');
    await client.call('reading.set', { sourceId: 's1', offset: 11 });
    expect(sent.map((request) => request.init?.keepalive)).toEqual([false, false]);
  });

  it('sends a call too large for the browser’s keepalive allowance as an ordinary request', async () => {
    const { environment, sent, fire } = browserPage('?token=t', () => json(200, { ok: true, value: null }));
    const client = createApiClient(environment);
    fire('pagehide');
    await client.call('memos.save', memoOf(KEEPALIVE_BUDGET_BYTES - 200));
    await client.call('memos.save', memoOf(KEEPALIVE_BUDGET_BYTES));
    expect(sent.map((request) => request.init?.keepalive)).toEqual([true, false]);
    expect(String(sent[0]?.init?.body).length).toBeLessThanOrEqual(KEEPALIVE_BUDGET_BYTES);
    expect(String(sent[1]?.init?.body).length).toBeGreaterThan(KEEPALIVE_BUDGET_BYTES);
  });

  it('keeps the keepalive bodies in flight together within the allowance', async () => {
    const held: (() => void)[] = [];
    let hold = true;
    const answer = () => json(200, { ok: true, value: null });
    const { environment, sent, fire } = browserPage('?token=t', () => (hold ? new Promise<Response>((settle) => held.push(() => void answer().then(settle))) : answer()));
    const client = createApiClient(environment);
    fire('pagehide');
    const first = client.call('memos.save', memoOf(KEEPALIVE_BUDGET_BYTES / 2));
    const second = client.call('memos.save', memoOf(KEEPALIVE_BUDGET_BYTES / 2));
    const small = client.call('reading.set', { sourceId: 's1', offset: 10 });
    expect(sent.map((request) => request.init?.keepalive)).toEqual([true, false, true]);
    hold = false;
    for (const release of held) release();
    await Promise.all([first, second, small]);
    await client.call('memos.save', memoOf(KEEPALIVE_BUDGET_BYTES - 200));
    expect(sent[3]?.init?.keepalive).toBe(true);
  });
});

describe('createApiClient over the preload bridge', () => {
  const pageWith = (bridge: PreloadBridge): ClientEnvironment => ({
    notebookApi: bridge,
    location: { search: '' },
    fetch: () => Promise.reject(new Error('a bridged client must not fetch')),
  });

  it('uses the bridge when the preload exposed it', async () => {
    const calls: unknown[][] = [];
    const bridge: PreloadBridge = { call: async (...args) => (calls.push(args), { ok: true, value: null }) };
    expect(await createApiClient(pageWith(bridge)).call('reading.get', { sourceId: 's1' })).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['reading.get', { sourceId: 's1' }]]);
  });

  it('turns a failed IPC call into an error with its reason', async () => {
    const bridge: PreloadBridge = { call: () => Promise.reject(new Error("No handler registered for 'notebook:api'")) };
    const result = await createApiClient(pageWith(bridge)).call('sources.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('No handler registered') } });
  });
});
