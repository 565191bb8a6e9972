/**
 * One of several Notebooks started together on one data directory (see single-writer.test.ts):
 * reports whether it got the directory, and if so writes through the API and holds on until its
 * stdin closes, so that every other starter meets a live holder.
 */
import { DataDirLockedError, openNotebook } from '../../../src/services/open-notebook';

const [dataDir = '', resourcesDir = '', offset = '0'] = process.argv.slice(2);
const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

try {
  const notebook = await openNotebook({ dataDir, resourcesDir, shell: 'browser' });
  const status = await notebook.dispatch('notebook.status', {});
  const written = await notebook.dispatch('reading.set', { sourceId: 'new-jihadi-sphere', offset: Number(offset) });
  say({ type: 'opened', notices: status.ok ? (status.value as { notices: unknown[] }).notices : [], written: written.ok });
  process.stdin.resume();
  process.stdin.on('end', () => {
    void notebook.close().then(() => process.exit(0));
  });
} catch (error) {
  say({ type: error instanceof DataDirLockedError ? 'locked' : 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(error instanceof DataDirLockedError ? 3 : 1);
}
