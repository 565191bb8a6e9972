import type { apiCaller } from './api-caller';

interface BundledSource {
  readonly source: { readonly id: string; readonly title: string };
  readonly text: string;
}

/**
 * The bundled source whose file name starts with `filePrefix` (e.g. "002_"), and its text, read
 * through the API so a test can place highlights at known offsets.
 */
export async function bundledSource(call: ReturnType<typeof apiCaller>, filePrefix: string): Promise<BundledSource> {
  const sources = (await call('sources.list', {})) as { id: string; file: string; title: string }[];
  const source = sources.find((s) => s.file.startsWith(filePrefix));
  if (!source) throw new Error(`No bundled source's file starts with ${filePrefix}.`);
  const { text } = (await call('sources.get', { sourceId: source.id })) as { text: string };
  return { source, text };
}
