import type { Tag } from '../../core/model/highlight';
import type { SourceId } from '../../core/model/ids';
import type { Block, TextRange } from '../../core/model/source';
import type { RelatedOptions, RelatedPassage } from '../../core/related/related-types';
import type { SharedTextPair } from '../../core/shared-text/shared-text-types';

/**
 * The messages between the services and the shared-text worker, which holds the shared-text
 * (twins) index and the related-passages index. Each question carries the library's sources as
 * they are now; before answering it, the worker asks for the texts it has not read yet, one at a
 * time (it has no other way to read the library), so every answer covers the whole library.
 */

/** A source as the worker knows it: a new key is a new text to read. */
export interface ListedSource {
  readonly sourceId: SourceId;
  readonly key: string;
}

/** What each question asks, without its id and the sources it is asked over. */
export type SharedTextQuestion =
  /** The library's twins, or the pairs of one source (sourceId). */
  | { readonly type: 'twins'; readonly sourceId: SourceId | null }
  | { readonly type: 'twin-range'; readonly from: SourceId; readonly to: SourceId; readonly range: TextRange }
  /** groupTags are set before any new text is read, so each text is read once, with the groups as they are. */
  | { readonly type: 'related'; readonly sourceId: SourceId; readonly start: number; readonly end: number; readonly options: RelatedOptions; readonly groupTags: readonly Tag[] };

export type ToSharedTextWorker =
  | (SharedTextQuestion & { readonly id: number; readonly sources: readonly ListedSource[] })
  /** The text of a source the worker asked for. */
  | { readonly type: 'text'; readonly sourceId: SourceId; readonly text: string; readonly blocks: readonly Block[] }
  /** The source the worker asked for could not be read: the question it was read for fails. */
  | { readonly type: 'text-failed'; readonly sourceId: SourceId };

/** The answer to each kind of question. */
export interface SharedTextAnswers {
  readonly twins: SharedTextPair[];
  readonly 'twin-range': TextRange | null;
  readonly related: RelatedPassage[];
}

export type FromSharedTextWorker =
  | { readonly type: 'want'; readonly sourceId: SourceId }
  | { readonly type: 'answer'; readonly id: number; readonly answer: SharedTextAnswers[keyof SharedTextAnswers] }
  /** `unreadable`: the question failed because a text could not be read (the services know why). */
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly unreadable: boolean };
