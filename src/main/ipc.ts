import type { IpcMain } from 'electron';
import type { Notebook } from '../services/open-notebook';
import { fail } from '../shared/api-result';
import { IPC_CHANNEL } from '../shared/transport';
import { isAppUrl } from './app-origin';

/**
 * Carries API calls from the renderer to the notebook. Only the app's own pages may call: a frame
 * showing anything else (were one ever to load) gets a typed refusal, not the notebook.
 */
export function answerApiCalls(ipcMain: IpcMain, notebook: Notebook): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) {
      return fail('forbidden', 'Only Notebook’s own window may use the notebook; this call came from another page.');
    }
    if (typeof method !== 'string') {
      return fail('invalid-input', 'An API call must name its method as a string.');
    }
    return notebook.dispatch(method, input);
  });
}
