import { blockAt, blockRole } from '../document/block-role';
import type { Block } from '../model/source';
import type { PassageRole } from './search-types';

/** Roles by their number in a segment's passageRoles (segment-data.ts): a saved index depends on this order. */
export const PASSAGE_ROLES: readonly PassageRole[] = ['body', 'contents', 'notes', 'references', 'links'];

/** The number a role is stored as. */
export const roleCode = (role: PassageRole): number => PASSAGE_ROLES.indexOf(role);

/**
 * What part of a source a passage belongs to, as search lists it: the block's role (one classifier
 * for mentions, related passages and search: core/document/block-role.ts), with headings counted
 * as body text and a note told apart from a reference entry. A report's table of contents, notes
 * and reference list repeat the words of its body (a chapter title, an article cited), and an
 * aggregator's capture ends in a list of links to other stories: a hit there is rarely what the
 * person is looking for, so search lists those passages after the body text.
 */
export function roleOfBlock(block: Block): PassageRole {
  switch (blockRole(block)) {
    case 'trailer':
      return 'links';
    case 'contents':
      return 'contents';
    case 'reference':
      return block.kind === 'note' ? 'notes' : 'references';
    case 'heading':
    case 'body':
      return 'body';
  }
}

/** The role of the passage starting at `offset`: that of the block holding it; body text outside every block. */
export function passageRoleAt(blocks: readonly Block[], offset: number): PassageRole {
  const block = blockAt(blocks, offset);
  return block === null ? 'body' : roleOfBlock(block);
}
