import { createContext, useContext } from 'react';
import type { SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { PaneView, SourceSummary } from '../../shared/api-contract';
import type { SelectedPassage } from '../app/passage-actions';
import type { PaneName } from './pane-layout';
import type { TwinNote } from './shared-passages';

/** What the library, search results, markers and the selection toolbar can ask of the panes. */
export interface WorkspaceCommands {
  /** The library's sources by id (empty while it loads). */
  readonly sources: ReadonlyMap<SourceId, SourceSummary>;
  /** Changes when a source's text does (null while the library loads). */
  readonly texts: string | null;
  /** For each source sharing most of its text with others: with which, and how much. */
  readonly twins: ReadonlyMap<SourceId, readonly TwinNote[]>;
  /** Opens a source in the right pane, at a passage (briefly emphasised) when given. */
  openToSide(sourceId: SourceId, at?: TextRange): void;
  /** Opens a source in the pane other than `from`, at a passage when given: beside a source, a memo or a tag view. */
  openInOtherPane(from: PaneName, sourceId: SourceId, at: TextRange | null): void;
  /** Shows a view (a memo, the memos, a tag view, a source) in a pane. */
  show(pane: PaneName, view: PaneView): void;
  /** Shows a view in the pane other than `from` ("Open to the side"), asking first if a memo open there would go. */
  openBeside(from: PaneName, view: PaneView): void;
  /** Lists the passages of other sources like one selected. */
  showRelated(passage: SelectedPassage): void;
}

export const WorkspaceContext = createContext<WorkspaceCommands | null>(null);

export function useWorkspace(): WorkspaceCommands {
  const commands = useContext(WorkspaceContext);
  if (!commands) throw new Error('useWorkspace needs the PanedWorkspace above it.');
  return commands;
}

/** Which pane a component is in. */
export const PaneContext = createContext<PaneName>('first');

/** "copy 2 of 2" for a source whose title others have too (two captures of one article), else null. */
function copyNumber(sources: ReadonlyMap<SourceId, SourceSummary>, source: SourceSummary): string | null {
  const sameTitle = [...sources.values()].filter((other) => other.title === source.title);
  return sameTitle.length < 2 ? null : `copy ${sameTitle.indexOf(source) + 1} of ${sameTitle.length}`;
}

/** A source's title for a list, told apart from sources of the same title by its place among them. */
export function sourceLabel(sources: ReadonlyMap<SourceId, SourceSummary>, sourceId: SourceId): string {
  const source = sources.get(sourceId);
  if (!source) return sourceId;
  const copy = copyNumber(sources, source);
  return copy === null ? source.title : `${source.title} (${copy})`;
}

/** How a source is named beside another one: by its title, or only by "copy 2 of 2" when they share the title. */
export function labelBeside(sources: ReadonlyMap<SourceId, SourceSummary>, sourceId: SourceId, besideId: SourceId): string {
  const source = sources.get(sourceId);
  const copy = source && source.title === sources.get(besideId)?.title ? copyNumber(sources, source) : null;
  return copy ?? `“${sourceLabel(sources, sourceId)}”`;
}
