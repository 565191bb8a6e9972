import { useCallback, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { pageStarts } from '../../core/document/page-of';
import type { CharOffset } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight, NotebookApi, SourceSummary } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import type { Resource } from '../app/use-api-resource';
import { MenuButton, type MenuItem } from '../controls/MenuButton';
import { downloadExport, EXPORT_LABELS, type ExportFormat } from '../highlights/download-export';
import { ReaderHighlights, type FocusRequest } from '../highlights/ReaderHighlights';
import { useHighlightColorRules } from '../highlights/use-color-rules';
import { groupBlocks, trailerStart } from './block-groups';
import { indexFootnotes } from './footnotes';
import { navigateToElement } from './navigate';
import type { OpenedSource } from './open-source';
import { SourceBody } from './SourceBody';
import { SourceHeader } from './SourceHeader';
import { outlineOf } from './source-outline';
import { SourceOutline } from './SourceOutline';
import type { SourceViewContext } from './source-view-context';
import { useReaderLinks } from './use-reader-links';
import { useReadingPosition } from './use-reading-position';

/** What the reader does with highlights; the source workspace holds the state they share with the annotations panel. */
export interface ReaderHighlightProps {
  readonly highlights: readonly AnchoredHighlight[];
  readonly focusRequest: FocusRequest | null;
  readonly placing: AnchoredHighlight | null;
  readonly onPlacingEnd: () => void;
  readonly onShow: (range: TextRange) => void;
}

interface ReaderProps extends ReaderHighlightProps {
  readonly api: NotebookApi;
  readonly summary: SourceSummary;
  readonly source: Resource<OpenedSource>;
  readonly onRetry: () => void;
  /** Opens "Replace with new version". */
  readonly onReplace: () => void;
  /** The source's own actions: details, its original file, removing it. */
  readonly sourceActions: readonly MenuItem[];
}

const KEYBOARD_HINT = 'Select text with Shift and the arrow keys (add Ctrl for words). H highlights the selection, T tags it. The Left and Right arrow keys move through the links on screen; Escape returns to the text.';

/** One source, read from its remembered position. Its scrolling area is its own. */
export function Reader({ api, summary, source, onRetry, onReplace, sourceActions, ...highlightProps }: ReaderProps) {
  const opened = source.status === 'ready' ? source.value : null;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const saveProblem = useReadingPosition(api, summary.id, scrollerRef, opened);
  useReaderLinks(scrollerRef, articleRef);
  // Mounted while the source is still loading, so the rules are in place before its text.
  useHighlightColorRules();
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const titleId = useId();
  const hintId = useId();
  // Prefix of the ids of the source's elements, which the outline links to.
  const scope = useId();
  const outline = useMemo(() => (opened ? outlineOf(opened.source.text, opened.source.blocks) : []), [opened]);
  const positionMessage = saveProblem
    ? `Your reading position is not being saved: ${saveProblem}`
    : opened?.positionProblem
      ? `Your reading position could not be restored: ${opened.positionProblem}`
      : null;

  const download = async (format: ExportFormat) => setExportProblem(await downloadExport(api, format, [summary.id]));
  const menu = (
    <MenuButton
      label="Source actions"
      items={[
        ...sourceActions,
        { label: 'Replace with new version…', onSelect: onReplace },
        ...(Object.keys(EXPORT_LABELS) as ExportFormat[]).map((format) => ({
          label: `Download highlights as ${EXPORT_LABELS[format]}`,
          onSelect: () => void download(format),
        })),
      ]}
    />
  );

  return (
    <div className="reader-scroller" ref={scrollerRef}>
      <article ref={articleRef} className="reader" aria-labelledby={titleId} aria-describedby={hintId} aria-busy={source.status === 'loading'} tabIndex={0}>
        <SourceHeader
          summary={summary}
          titleId={titleId}
          actions={
            <div className="source-tools">
              {outline.length > 0 && <SourceOutline entries={outline} scope={scope} scrollerRef={scrollerRef} navigate={navigateToElement} />}
              {menu}
            </div>
          }
        />
        <p id={hintId} className="visually-hidden">
          {KEYBOARD_HINT}
        </p>
        {source.status === 'loading' && (
          <p className="reader-loading" role="status">
            Opening the source…
          </p>
        )}
        {source.status === 'failed' && <FailureNotice what={`“${summary.title}” could not be opened.`} error={source.error} onRetry={onRetry} />}
        {opened && (
          <OpenedSourceView key={opened.source.textHash} opened={opened} scope={scope} scrollerRef={scrollerRef} articleRef={articleRef} {...highlightProps} />
        )}
      </article>
      {exportProblem && (
        <p className="reader-status" role="alert">
          {exportProblem}
        </p>
      )}
      {positionMessage && (
        <p className="reader-status" role="status">
          {positionMessage}
        </p>
      )}
    </div>
  );
}

interface OpenedSourceViewProps extends ReaderHighlightProps {
  readonly opened: OpenedSource;
  readonly scope: string;
  readonly scrollerRef: RefObject<HTMLDivElement | null>;
  readonly articleRef: RefObject<HTMLElement | null>;
}

function OpenedSourceView({ opened, scope, scrollerRef, articleRef, ...highlightProps }: OpenedSourceViewProps) {
  const { text, blocks, meta } = opened.source;
  const bodyRef = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => groupBlocks(blocks), [blocks]);
  const { pages } = opened.source;
  const context = useMemo<SourceViewContext>(
    () => ({ text, blocks, footnotes: indexFootnotes(blocks), pageStarts: pages && pageStarts(blocks, pages), scope, navigate: navigateToElement }),
    [text, blocks, pages, scope],
  );
  const trailer = useMemo(() => trailerStart(blocks), [blocks]);
  // Open the trailer at once if the person was last reading in it, so the position can be restored.
  const [trailerOpen, setTrailerOpen] = useState(() => trailer !== null && opened.position !== null && opened.position >= trailer);
  const toggleTrailer = useCallback(() => setTrailerOpen((open) => !open), []);
  const reveal = useCallback((offset: CharOffset) => {
    if (trailer !== null && offset >= trailer) setTrailerOpen(true);
  }, [trailer]);
  return (
    <>
      <div className="source-body" ref={bodyRef}>
        <SourceBody groups={groups} context={context} trailerOpen={trailerOpen} onTrailerToggle={toggleTrailer} />
      </div>
      <ReaderHighlights sourceId={meta.id} reliability={meta.reliability ?? null} text={text} pages={pages} bodyRef={bodyRef} scrollerRef={scrollerRef} articleRef={articleRef} reveal={reveal} {...highlightProps} />
    </>
  );
}
