import type { CitationStyle } from '../export/citation-style';
import type { HighlightId, MemoId, SourceId } from './ids';

/**
 * A memo's body is a TipTap (ProseMirror) JSON document. Core treats it as plain data: the editor
 * owns editing, core owns reading it (citations, export).
 */
export interface MemoNode {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly MemoNode[];
  readonly marks?: readonly { readonly type: string; readonly attrs?: Readonly<Record<string, unknown>> }[];
  readonly text?: string;
}

export interface MemoDoc extends MemoNode {
  readonly type: 'doc';
}

/** How a citation shows its passage in the memo. */
export type CitationDisplay = 'inline' | 'block';

/**
 * The attributes of a `citation` node. `quote` and `sourceId` are the last known state of the
 * highlight, kept so a citation whose highlight was deleted still shows what it cited.
 */
export interface CitationAttrs {
  readonly highlightId: HighlightId;
  readonly display: CitationDisplay;
  readonly quote: string;
  readonly sourceId: SourceId;
}

export interface Memo {
  readonly id: MemoId;
  readonly title: string;
  readonly doc: MemoDoc;
  /** How its exports cite sources; absent (every memo from before styles): Chicago notes-bibliography. */
  readonly citationStyle?: CitationStyle;
  /** ISO 8601 timestamps. */
  readonly created: string;
  readonly modified: string;
}

export const CITATION_NODE = 'citation';
