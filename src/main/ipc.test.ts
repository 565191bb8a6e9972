import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Notebook } from '../services/open-notebook';
import { ok, type ApiResult } from '../shared/api-result';
import { IPC_CHANNEL } from '../shared/transport';
import { answerApiCalls } from './ipc';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<ApiResult<unknown>>;

/** Registers the real handler on a stand-in for ipcMain and returns what was registered. */
function registeredHandler(): { handler: Handler; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const notebook: Notebook = {
    dataDir: '/tmp/notebook',
    dispatch: async (method, input) => {
      calls.push([method, input]);
      return ok({ method });
    },
    close: async () => undefined,
  };
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as unknown as IpcMain;
  answerApiCalls(ipcMain, notebook);
  const handler = handlers.get(IPC_CHANNEL);
  if (!handler) throw new Error(`nothing was registered on ${IPC_CHANNEL}`);
  return { handler, calls };
}

const from = (url: string | null): IpcMainInvokeEvent => ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;

describe('answerApiCalls', () => {
  it('forwards calls from the app’s own page to the notebook', async () => {
    const { handler, calls } = registeredHandler();
    expect(await handler(from('app://notebook/index.html'), 'sources.list', {})).toEqual({ ok: true, value: { method: 'sources.list' } });
    expect(calls).toEqual([['sources.list', {}]]);
  });

  it.each([['https://evil.example/'], ['file:///etc/passwd'], ['app://other/index.html'], [null]])(
    'refuses calls from %s without reaching the notebook',
    async (url) => {
      const { handler, calls } = registeredHandler();
      const result = await handler(from(url), 'sources.list', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(calls).toEqual([]);
    },
  );

  it('refuses a method that is not a string', async () => {
    const { handler, calls } = registeredHandler();
    expect(await handler(from('app://notebook/index.html'), 42, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });
});
