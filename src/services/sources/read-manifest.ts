import { readFile } from 'node:fs/promises';
import { parseManifest } from '../../core/model/manifest';
import type { SourceMeta } from '../../core/model/source';
import { SourceUnavailableError } from '../service-errors';
import { describeFsError } from '../store/storage-error';

/** Reads and checks `manifest.json`; every failure names the file and what is wrong with it. */
export async function readManifest(path: string): Promise<readonly SourceMeta[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SourceUnavailableError(`The library's manifest ${path} could not be read: ${describeFsError(error)}. Reinstall Notebook to restore it.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SourceUnavailableError(`The library's manifest ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Reinstall Notebook to restore it.`);
  }
  const manifest = parseManifest(json);
  if (!manifest.ok) throw new SourceUnavailableError(`The library's manifest ${path} has problems: ${manifest.problems.join(' ')}`);
  return manifest.value;
}
