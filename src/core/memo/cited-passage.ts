import type { Credibility } from '../model/grades';
import type { HighlightId, SourceId } from '../model/ids';
import type { CitationAttrs } from '../model/memo';
import type { ParsedSource, SourceMeta, TextRange } from '../model/source';
import { locatePassage, type PassageLocation } from '../document/locate-passage';
import type { CitationNotes } from './citation-notes';
import { passageNotes } from './passage-notes';

/**
 * Where a cited highlight stands: its passage is found in the source ('live'), found only
 * approximately and awaiting the person's review ('review'), no longer found ('orphan'), or the
 * highlight was deleted ('deleted'), or its source was removed from the library ('source-removed').
 */
export type PassageState = 'live' | 'review' | 'orphan' | 'deleted' | 'source-removed';

/** A note of the source (the report's numbered notes) that a quote carries a marker of. */
export interface SourceNote {
  readonly note: number;
  readonly text: string;
}

/** What the export needs to know of one cited highlight. */
export type CitedPassage = LivePassage | LastKnownPassage;

interface PassageBase {
  readonly highlightId: HighlightId;
  readonly sourceId: SourceId;
  /** Names of the highlight's tags. */
  readonly tags: readonly string[];
}

/** A passage found in its source's current text: quoted from that text. */
export interface LivePassage extends PassageBase {
  readonly state: 'live';
  readonly source: SourceMeta;
  readonly quote: string;
  readonly range: TextRange;
  readonly location: PassageLocation;
  /** The notes whose markers the quote contains, in order. */
  readonly notes: readonly SourceNote[];
  /** The highlight's credibility, absent when not graded; the source's reliability is on `source`. */
  readonly credibility?: Credibility;
}

/** A passage that cannot be quoted from the current text: the last quote known of it stands in. */
export interface LastKnownPassage extends PassageBase {
  readonly state: Exclude<PassageState, 'live'>;
  /** Null when the library no longer has the source. */
  readonly source: SourceMeta | null;
  readonly quote: string;
}

export interface MemoExportContext {
  /** The passage a citation refers to, resolved against the notebook as it is now. */
  readonly passage: (citation: CitationAttrs) => CitedPassage;
  /** The memo's date on the person's calendar, YYYY-MM-DD. */
  readonly date: string;
  /** The footnotes of the passages cited, as notes 1…n, and their bibliography, in the memo's citation style. */
  readonly notes: (passages: readonly CitedPassage[]) => CitationNotes;
}

/**
 * Two citations share a footnote when they quote the same passage: the same highlight, or two
 * highlights on the same range of the same source.
 */
export function passageKey(passage: CitedPassage): string {
  return passage.state === 'live' ? `${passage.sourceId}@${passage.range.start}-${passage.range.end}` : `highlight:${passage.highlightId}`;
}

/** A passage found at `range` of its source's current text: quoted, located and annotated from that text. */
export function livePassage(
  highlightId: HighlightId,
  source: SourceMeta,
  parsed: ParsedSource,
  range: TextRange,
  tags: readonly string[],
  credibility?: Credibility,
): LivePassage {
  return {
    ...(credibility === undefined ? {} : { credibility }),
    state: 'live',
    highlightId,
    sourceId: source.id,
    source,
    quote: parsed.text.slice(range.start, range.end),
    range,
    location: locatePassage(parsed, range.start, range.end),
    notes: passageNotes(parsed, range),
    tags,
  };
}
