import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Every file under `dir` with its bytes, keyed by '/'-separated path, sorted; {} if `dir` is absent. */
export async function readTree(dir: string): Promise<Record<string, Buffer>> {
  const tree: Record<string, Buffer> = {};
  const walk = async (under: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(dir, under), { withFileTypes: true });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = under === '' ? entry.name : `${under}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else tree[path] = await readFile(join(dir, path));
    }
  };
  await walk('');
  return tree;
}

/** Every file under `dir` as path → SHA-256, to show that nothing changed a single byte. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const tree = await readTree(dir);
  return Object.fromEntries(Object.entries(tree).map(([path, bytes]) => [path, createHash('sha256').update(bytes).digest('hex')]));
}

/** Every file under `dir` as text, for readable assertions. */
export async function readTextTree(dir: string): Promise<Record<string, string>> {
  const tree = await readTree(dir);
  return Object.fromEntries(Object.entries(tree).map(([path, bytes]) => [path, bytes.toString('utf8')]));
}

/** Writes each '/'-separated path under `dir`, making folders as needed. */
export async function writeTree(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, ...path.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
