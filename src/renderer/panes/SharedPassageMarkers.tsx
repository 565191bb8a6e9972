import { useCallback, useContext, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import type { SourceId } from '../../core/model/ids';
import type { AnchoredHighlight, NotebookApi } from '../../shared/api-contract';
import { ok } from '../../shared/api-result';
import { useApiResource } from '../app/use-api-resource';
import { useChanges, useRevision } from '../changes/use-changes';
import { MenuButton } from '../controls/MenuButton';
import { BLOCK_START_ATTRIBUTE } from '../reader/reading-anchor';
import { sharedPassagesOf, type SharedPassage } from './shared-passages';
import type { ShownReader } from './use-pane-reader';
import { labelBeside, PaneContext, useWorkspace } from './workspace-context';

interface SharedPassageMarkersProps {
  readonly api: NotebookApi;
  readonly sourceId: SourceId;
  readonly reader: ShownReader;
}

/** The shared passages that start in one block, with one other source. */
interface Marker {
  readonly blockStart: number;
  readonly twinId: SourceId;
  readonly passages: readonly SharedPassage[];
}

function markersOf(passages: readonly SharedPassage[], blockStarts: readonly number[]): Marker[] {
  const markers = new Map<string, { blockStart: number; twinId: SourceId; passages: SharedPassage[] }>();
  for (const passage of passages) {
    let blockStart = -1;
    for (const start of blockStarts) {
      if (start > passage.range.start) break;
      blockStart = start;
    }
    if (blockStart < 0) continue;
    const key = `${blockStart}\u0000${passage.twinId}`;
    const marker = markers.get(key) ?? { blockStart, twinId: passage.twinId, passages: [] };
    marker.passages.push(passage);
    markers.set(key, marker);
  }
  return [...markers.values()];
}

const overlaps = ({ start, end }: AnchoredHighlight, passages: readonly SharedPassage[]): boolean =>
  start !== null && end !== null && passages.some((passage) => start < passage.range.end && end > passage.range.start);

/**
 * "Also in <source>" beside each passage of the open source that another source has too, with
 * "Open side by side" (the other source in the other pane, at that passage) and a way to copy the
 * passage's highlights there. The markers live in the reader's scrolling area, so they scroll
 * with its text.
 */
export function SharedPassageMarkers({ api, sourceId, reader }: SharedPassageMarkersProps) {
  const { sources, texts, openInOtherPane } = useWorkspace();
  const pane = useContext(PaneContext);
  const tracker = useChanges();
  const revision = useRevision();
  const loadPairs = useCallback(() => api.call('sources.twins', { sourceId }), [api, sourceId]);
  // A source's new text may share more or less.
  const { resource: pairs } = useApiResource(loadPairs, texts);
  const passages = useMemo(() => (pairs.status === 'ready' ? sharedPassagesOf(pairs.value, sourceId) : []), [pairs, sourceId]);
  // Its highlights are read only for a source that shares passages: opening any other (the report
  // with thousands of highlights) asks for them once, for the reader.
  const shares = passages.length > 0;
  const loadHighlights = useCallback(
    () => (shares ? api.call('highlights.list', { sourceId }) : Promise.resolve(ok<readonly AnchoredHighlight[]>([]))),
    [api, sourceId, shares],
  );
  const { resource: highlights } = useApiResource(loadHighlights, revision);

  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const layer = document.createElement('div');
    layer.className = 'shared-markers';
    reader.scroller.append(layer);
    setHost(layer);
    return () => layer.remove();
  }, [reader]);

  // Where each block is; measured again when the text reflows or a section opens.
  const [tops, setTops] = useState<ReadonlyMap<number, number>>(new Map());
  useEffect(() => {
    const { scroller, article } = reader;
    const measure = () => {
      const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
      const found = new Map<number, number>();
      for (const element of article.querySelectorAll(`[${BLOCK_START_ATTRIBUTE}]`)) {
        if (element.getClientRects().length === 0) continue;
        found.set(Number(element.getAttribute(BLOCK_START_ATTRIBUTE)), element.getBoundingClientRect().top - origin);
      }
      setTops(found);
    };
    measure();
    const resizes = new ResizeObserver(measure);
    resizes.observe(article);
    const mutations = new MutationObserver(measure);
    mutations.observe(article, { childList: true, subtree: true });
    return () => {
      resizes.disconnect();
      mutations.disconnect();
    };
  }, [reader]);

  const markers = useMemo(() => markersOf(passages, [...tops.keys()].sort((x, y) => x - y)), [passages, tops]);
  if (!host || markers.length === 0) return null;
  const mine = highlights.status === 'ready' ? highlights.value : [];

  return createPortal(
    markers.map((marker) => {
      const twin = labelBeside(sources, marker.twinId, sourceId);
      const toCopy = mine.filter((highlight) => overlaps(highlight, marker.passages));
      const first = marker.passages[0];
      const items = [
        { label: 'Open side by side', onSelect: () => first && openInOtherPane(pane, marker.twinId, first.twinRange) },
        ...(toCopy.length === 0
          ? []
          : [
              {
                label: toCopy.length === 1 ? `Copy its highlight to ${twin}` : `Copy its ${toCopy.length} highlights to ${twin}`,
                onSelect: () => {
                  for (const highlight of toCopy) {
                    void tracker.save(`Copy highlight to ${twin}`, 'highlights.copyToTwin', { highlightId: highlight.highlight.id, targetSourceId: marker.twinId });
                  }
                },
              },
            ]),
      ];
      return (
        <div key={`${marker.blockStart}-${marker.twinId}`} className="shared-marker" style={{ '--top': `${tops.get(marker.blockStart) ?? 0}px` } as CSSProperties}>
          <MenuButton label={`Also in ${twin}`} items={items} />
        </div>
      );
    }),
    host,
  );
}
