import type { CharOffset } from '../../core/model/ids';

/**
 * Element ids inside one reader. The scope keeps them unique when two readers show sources side
 * by side; in-reader links resolve through these instead of URL fragments, because the fragment
 * holds which source is open.
 */
export const blockElementId = (scope: string, index: number): string => `${scope}-block-${index}`;
export const noteElementId = (scope: string, note: number): string => `${scope}-note-${note}`;
export const footnoteRefElementId = (scope: string, start: CharOffset): string => `${scope}-ref-${start}`;
