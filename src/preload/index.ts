import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, IPC_CHANNEL } from '../shared/transport';

contextBridge.exposeInMainWorld(API_GLOBAL, {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, method, input),
});
