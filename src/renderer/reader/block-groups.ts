import type { CharOffset } from '../../core/model/ids';
import type { Block, BlockKind } from '../../core/model/source';

/**
 * How the reader lays blocks out: runs of list items become one list, runs of table-of-contents
 * entries one table of contents, and the news captures' trailing link lists one region set apart
 * from the article. Blocks are named by their index in the source's blocks, which
 * table-of-contents entries also use.
 */
export type BlockGroup =
  | { readonly kind: 'block'; readonly index: number }
  | { readonly kind: 'list' | 'toc'; readonly indices: readonly number[] }
  | { readonly kind: 'trailer'; readonly groups: readonly BlockGroup[] };

const runKinds: Partial<Record<BlockKind, 'list' | 'toc'>> = { listItem: 'list', tocEntry: 'toc' };

export function groupBlocks(blocks: readonly Block[]): BlockGroup[] {
  const groups: BlockGroup[] = [];
  let i = 0;
  while (i < blocks.length) {
    const trailer = blocks[i]?.trailer === true;
    let end = i + 1;
    while (end < blocks.length && (blocks[end]?.trailer === true) === trailer) end += 1;
    const run = groupRun(blocks, i, end);
    if (trailer) groups.push({ kind: 'trailer', groups: run });
    else groups.push(...run);
    i = end;
  }
  return groups;
}

function groupRun(blocks: readonly Block[], from: number, to: number): BlockGroup[] {
  const groups: BlockGroup[] = [];
  // Declared through `as` so the loop's reassignments are not narrowed away to null.
  let run = null as { kind: 'list' | 'toc'; indices: number[] } | null;
  for (let i = from; i < to; i += 1) {
    const kind = runKinds[blocks[i]?.kind ?? 'paragraph'];
    if (kind && run?.kind === kind) {
      run.indices.push(i);
    } else if (kind) {
      run = { kind, indices: [i] };
      groups.push(run);
    } else {
      run = null;
      groups.push({ kind: 'block', index: i });
    }
  }
  return groups;
}

/** Where the trailer begins, or null if the source has none. */
export function trailerStart(blocks: readonly Block[]): CharOffset | null {
  return blocks.find((b) => b.trailer === true)?.range.start ?? null;
}
