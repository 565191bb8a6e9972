import { gradeMark, type Reliability } from '../model/grades';
import type { Highlight, Tag, TagFamily } from '../model/highlight';
import type { FamilyId, SourceId } from '../model/ids';
import type { PageSpan, SourceMeta } from '../model/source';
import { pagesOf } from '../document/page-of';
import { exported, exportFailed, type ExportResult } from './export-result';
import { TagDirectory, type ResolvedTag } from './resolve-tags';
import { isAbsoluteUri, isDateTime, toUri } from './rfc-formats';

/**
 * Highlights as a W3C Web Annotation AnnotationCollection (JSON-LD), for other annotation tools.
 * Each highlight is one Annotation whose target is its passage in the source (a quote selector,
 * and a position selector when the recorded position still holds the quote, with, in a paginated
 * source, a fragment selector naming the PDF page the passage begins on) and whose bodies are
 * its tags, their families, the stances taken on recommendations, and the comment.
 *
 * Vocabulary (https://www.w3.org/TR/annotation-vocab/): every body is a TextualBody with a
 * purpose from the model's list of motivations, so the export stays within the model:
 * - "tagging":     the tag's name;
 * - "classifying": "<family>: <tag>", placing the tag in its family;
 * - "assessing":   "<stance>: <recommendation>" (supports, contradicts or context), the
 *                  analyst's assessment of the passage against a recommendation; and, for a
 *                  graded passage, its Admiralty mark ("B2": source reliability, credibility);
 * - "commenting":  the comment.
 * The annotation's motivation is "commenting" when it has a comment, else "tagging" when it has
 * tags, else "assessing" when it is graded, else "highlighting".
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface ExportedTextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'classifying' | 'assessing' | 'commenting';
  readonly value: string;
  readonly format: 'text/plain';
}

export interface ExportedTextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** Positions in Unicode code points, as the model requires (the notebook counts UTF-16 units). */
export interface ExportedTextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

/** The PDF fragment identifier scheme (RFC 3778), whose "page=N" counts the file's pages from 1. */
export const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';

/** The page of a PDF the passage begins on, as a fragment a PDF viewer opens at. */
export interface ExportedFragmentSelector {
  readonly type: 'FragmentSelector';
  readonly conformsTo: typeof PDF_FRAGMENT;
  readonly value: `page=${number}`;
}

export type ExportedSelector = ExportedTextQuoteSelector | ExportedTextPositionSelector | ExportedFragmentSelector;

export interface ExportedAnnotation {
  readonly '@context': typeof ANNOTATION_CONTEXT;
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'highlighting' | 'tagging' | 'assessing' | 'commenting';
  readonly created: string;
  readonly modified: string;
  readonly generated: string;
  readonly generator: { readonly id: string; readonly type: 'Software'; readonly name: string };
  readonly body?: readonly ExportedTextualBody[];
  readonly target: {
    readonly type: 'SpecificResource';
    readonly source: string;
    readonly selector: readonly ExportedSelector[];
  };
}

export interface AnnotationCollection {
  readonly '@context': typeof ANNOTATION_CONTEXT;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  /** Absent when there is nothing to export, as the model allows. */
  readonly first?: {
    readonly id: string;
    readonly type: 'AnnotationPage';
    readonly partOf: string;
    readonly startIndex: 0;
    readonly items: readonly ExportedAnnotation[];
  };
}

/** A source with the canonical text its highlights point into, and its pages when it has them (PDF). */
export interface ExportSource {
  readonly meta: SourceMeta;
  readonly text: string;
  readonly pages?: readonly PageSpan[];
}

export interface AnnotationExportOptions {
  readonly sources: readonly ExportSource[];
  readonly tags: readonly Tag[];
  readonly families: readonly TagFamily[];
  /** When the export is made: an RFC 3339 date-time, written as each annotation's `generated`. */
  readonly exportedAt: string;
  /** Absolute IRI without a fragment naming this export, e.g. urn:notebook:export:<uuid>. */
  readonly baseIri: string;
}

const GENERATOR = { id: 'urn:notebook:app', type: 'Software', name: 'Notebook' } as const;

const highlightIri = (id: string): string => `urn:notebook:highlight:${encodeURIComponent(id)}`;

/** A source's IRI: its original link when that is (or encodes to) a URI, else a name of its own. */
const sourceIri = (meta: SourceMeta): string => (meta.link !== null ? toUri(meta.link) : null) ?? `urn:notebook:source:${encodeURIComponent(meta.id)}`;

/** UTF-16 offset → code-point offset, counting the surrogate pairs before it (computed per source, once). */
function codePointCounter(text: string): (offset: number) => number {
  const pairStarts: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) pairStarts.push(i++);
    }
  }
  return (offset) => {
    let lo = 0;
    let hi = pairStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairStarts[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}

/** A tag with its family, and the stance taken on it (recommendations only). */
type TagInFamily = ResolvedTag & { readonly family: TagFamily };

function bodiesOf(highlight: Highlight, tags: readonly TagInFamily[], grade: string | null): ExportedTextualBody[] {
  const body = (purpose: ExportedTextualBody['purpose'], value: string): ExportedTextualBody => ({ type: 'TextualBody', purpose, value, format: 'text/plain' });
  const bodies: ExportedTextualBody[] = [];
  for (const { tag, family, stance } of tags) {
    bodies.push(body('tagging', tag.name), body('classifying', `${family.name}: ${tag.name}`));
    if (stance) bodies.push(body('assessing', `${stance}: ${tag.name}`));
  }
  if (grade !== null) bodies.push(body('assessing', grade));
  if (highlight.comment.trim() !== '') bodies.push(body('commenting', highlight.comment));
  return bodies;
}

function motivationOf(body: readonly ExportedTextualBody[]): ExportedAnnotation['motivation'] {
  if (body.some((b) => b.purpose === 'commenting')) return 'commenting';
  if (body.some((b) => b.purpose === 'tagging')) return 'tagging';
  return body.length > 0 ? 'assessing' : 'highlighting';
}

/** The highlight's tags with their families, or a failure naming a tag whose family is missing. */
function withFamilies(tags: readonly ResolvedTag[], families: ReadonlyMap<FamilyId, TagFamily>): ExportResult<readonly TagInFamily[]> {
  const resolved: TagInFamily[] = [];
  for (const t of tags) {
    const family = families.get(t.tag.familyId);
    if (!family) {
      return exportFailed('unknown-tag', `Tag "${t.tag.name}" belongs to family ${t.tag.familyId}, which is not among the notebook's tag families. Move the tag to a family, then export again.`);
    }
    resolved.push({ ...t, family });
  }
  return exported(resolved);
}

/** Builds the collection, or says which input keeps it from conforming to the model. */
export function toAnnotationCollection(highlights: readonly Highlight[], options: AnnotationExportOptions): ExportResult<AnnotationCollection> {
  const { baseIri, exportedAt } = options;
  if (!isAbsoluteUri(baseIri) || baseIri.includes('#')) {
    return exportFailed('invalid-iri', `The export's name must be an absolute IRI without a fragment, such as urn:notebook:export:2025-01-13; "${baseIri}" is not.`);
  }
  if (!isDateTime(exportedAt)) {
    return exportFailed('invalid-date', `The export time must be a date-time with a time zone, such as 2025-01-13T09:30:00Z; "${exportedAt}" is not.`);
  }
  const sources = new Map<
    SourceId,
    { iri: string; text: string; pages: readonly PageSpan[] | undefined; reliability: Reliability | null; codePoints: (offset: number) => number }
  >();
  for (const { meta, text, pages } of options.sources) {
    sources.set(meta.id, { iri: sourceIri(meta), text, pages, reliability: meta.reliability ?? null, codePoints: codePointCounter(text) });
  }
  const directory = new TagDirectory(options.tags);
  const families = new Map(options.families.map((f) => [f.id, f]));

  const items: ExportedAnnotation[] = [];
  for (const highlight of highlights) {
    const source = sources.get(highlight.target.sourceId);
    if (!source) {
      return exportFailed('unknown-source', `Highlight ${highlight.id} is in source ${highlight.target.sourceId}, which the export was not given. Export again with all sources.`);
    }
    for (const [name, value] of [['created', highlight.created], ['modified', highlight.modified]] as const) {
      if (!isDateTime(value)) {
        return exportFailed('invalid-date', `Highlight ${highlight.id} has a ${name} time "${value}" that is not a date-time with a time zone. Edit the highlight to record it again, then export.`);
      }
    }
    const resolved = directory.resolve(highlight);
    if (!resolved.ok) return resolved;
    const tags = withFamilies(resolved.value, families);
    if (!tags.ok) return tags;

    const { quote, position } = highlight.target;
    const selector: ExportedSelector[] = [
      { type: 'TextQuoteSelector', exact: quote.exact, ...(quote.prefix ? { prefix: quote.prefix } : {}), ...(quote.suffix ? { suffix: quote.suffix } : {}) },
    ];
    // A position that no longer holds the quote (an orphaned highlight) would point elsewhere:
    // the quote alone then identifies the passage.
    if (source.text.slice(position.start, position.end) === quote.exact) {
      selector.push({ type: 'TextPositionSelector', start: source.codePoints(position.start), end: source.codePoints(position.end) });
      // The physical page, not the printed label: "page=N" counts the file's pages, as viewers do.
      const pages = pagesOf(source.pages, position);
      if (pages !== null) selector.push({ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: `page=${pages.first.index}` });
    }
    const body = bodiesOf(highlight, tags.value, gradeMark(source.reliability, highlight.credibility));
    items.push({
      '@context': ANNOTATION_CONTEXT,
      id: highlightIri(highlight.id),
      type: 'Annotation',
      motivation: motivationOf(body),
      created: highlight.created,
      modified: highlight.modified,
      generated: exportedAt,
      generator: GENERATOR,
      ...(body.length > 0 ? { body } : {}),
      target: { type: 'SpecificResource', source: source.iri, selector },
    });
  }

  const collection = {
    '@context': ANNOTATION_CONTEXT,
    id: baseIri,
    type: 'AnnotationCollection',
    label: `Notebook highlights, exported ${exportedAt}`,
    total: items.length,
  } as const;
  if (items.length === 0) return exported(collection);
  return exported({ ...collection, first: { id: `${baseIri}#page-1`, type: 'AnnotationPage', partOf: baseIri, startIndex: 0, items } });
}
