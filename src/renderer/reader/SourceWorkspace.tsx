import { useCallback, useEffect, useState } from 'react';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight, NotebookApi, SourceSummary } from '../../shared/api-contract';
import { hashForSource, sourceIdFromHash } from '../app/location-hash';
import { useApiResource } from '../app/use-api-resource';
import { useRevision } from '../changes/use-changes';
import { AnnotationsPanel } from '../highlights/AnnotationsPanel';
import type { FocusRequest } from '../highlights/ReaderHighlights';
import { openSource } from './open-source';
import { Reader } from './Reader';
import { ReplaceSourceDialog } from './ReplaceSourceDialog';
import { downloadFile } from '../controls/download-file';
import { RemoveSourceDialog } from '../library/RemoveSourceDialog';
import { SourceDetailsDialog } from '../library/SourceDetailsDialog';

interface SourceWorkspaceProps {
  readonly api: NotebookApi;
  readonly summary: SourceSummary;
  /** A passage to open the source at (from the tag view or a link), briefly emphasised. */
  readonly at: TextRange | null;
  /** The source's text was replaced, so the library's facts about it changed. */
  readonly onSourceChanged: () => void;
}

/** An open source: the reader and, beside it, the annotations panel, sharing its highlights. */
export function SourceWorkspace({ api, summary, at, onSourceChanged }: SourceWorkspaceProps) {
  const revision = useRevision();
  const [textVersion, setTextVersion] = useState(0);
  const loadSource = useCallback(() => openSource(api, summary.id), [api, summary.id]);
  const { resource: source, retry: retrySource } = useApiResource(loadSource, textVersion);
  const loadHighlights = useCallback(() => api.call('highlights.list', { sourceId: summary.id }), [api, summary.id]);
  const { resource: highlights, retry: retryHighlights } = useApiResource(loadHighlights, revision);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [placing, setPlacing] = useState<AnchoredHighlight | null>(null);
  const [replacing, setReplacing] = useState<'text' | 'reextract' | null>(null);
  const [dialog, setDialog] = useState<'details' | 'remove' | null>(null);
  const [originalProblem, setOriginalProblem] = useState<string | null>(null);
  const openOriginal = async () => {
    const result = await api.call('sources.original', { sourceId: summary.id });
    setOriginalProblem(result.ok ? null : result.error.message);
    if (result.ok) downloadFile(result.value);
  };
  const sourceActions = [
    { label: 'Source details…', onSelect: () => setDialog('details') },
    ...(summary.imported ? [{ label: 'Open original', onSelect: () => void openOriginal() }] : []),
    ...(summary.imported && summary.imported.extractorVersion < summary.imported.currentExtractorVersion
      ? [{ label: 'Re-extract with the newer converter…', onSelect: () => setReplacing('reextract') }]
      : []),
    { label: 'Remove source…', onSelect: () => setDialog('remove') },
  ];

  useEffect(() => {
    if (!at) return;
    setFocusRequest({ range: at, focusText: true });
    // Once there, a reload should return to the reading position, and Back to where the person came from.
    // (A source opened at a passage in the second pane has nothing in the location to take back.)
    if (sourceIdFromHash(window.location.hash) === summary.id) window.history.replaceState(window.history.state, '', hashForSource(summary.id));
  }, [at, summary.id]);

  const onShow = useCallback((range: TextRange) => setFocusRequest({ range, focusText: false }), []);
  const onPlacingEnd = useCallback(() => setPlacing(null), []);
  const text = source.status === 'ready' ? source.value.source.text : null;
  const pages = source.status === 'ready' ? source.value.source.pages : undefined;

  return (
    <>
      <main className="reading-area">
        <Reader
          api={api}
          summary={summary}
          source={source}
          onRetry={retrySource}
          onReplace={() => setReplacing('text')}
          sourceActions={sourceActions}
          highlights={highlights.status === 'ready' ? highlights.value : []}
          focusRequest={focusRequest}
          placing={placing}
          onPlacingEnd={onPlacingEnd}
          onShow={onShow}
        />
      </main>
      <AnnotationsPanel
        highlights={highlights}
        onRetry={retryHighlights}
        text={text}
        pages={pages}
        reliability={summary.reliability ?? null}
        onShow={onShow}
        onReplace={setPlacing}
      />
      {originalProblem && (
        <p className="reader-status" role="alert">
          The original file could not be opened: {originalProblem}
        </p>
      )}
      {dialog === 'details' && <SourceDetailsDialog api={api} summary={summary} onSaved={onSourceChanged} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && <RemoveSourceDialog api={api} summary={summary} onRemoved={onSourceChanged} onClose={() => setDialog(null)} />}
      {replacing && (
        <ReplaceSourceDialog
          summary={summary}
          reextract={replacing === 'reextract'}
          onReplaced={() => {
            setTextVersion((v) => v + 1);
            onSourceChanged();
          }}
          onReplace={(anchored) => {
            setReplacing(null);
            setPlacing(anchored);
          }}
          onClose={() => setReplacing(null)}
        />
      )}
    </>
  );
}
