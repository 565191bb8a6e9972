import { BlockView } from './BlockView';
import type { BlockGroup } from './block-groups';
import type { SourceViewContext } from './source-view-context';
import { TrailerRegion } from './TrailerRegion';

interface SourceBodyProps {
  readonly groups: readonly BlockGroup[];
  readonly context: SourceViewContext;
  readonly trailerOpen: boolean;
  readonly onTrailerToggle: () => void;
}

/** A source's blocks, in canonical order. */
export function SourceBody({ groups, context, trailerOpen, onTrailerToggle }: SourceBodyProps) {
  return groups.map((group, i) => <GroupView key={i} group={group} context={context} trailerOpen={trailerOpen} onTrailerToggle={onTrailerToggle} />);
}

interface GroupViewProps {
  readonly group: BlockGroup;
  readonly context: SourceViewContext;
  readonly trailerOpen: boolean;
  readonly onTrailerToggle: () => void;
}

function GroupView({ group, context, trailerOpen, onTrailerToggle }: GroupViewProps) {
  switch (group.kind) {
    case 'block':
      return <BlockView index={group.index} context={context} />;
    case 'list':
      return (
        <ul className="source-list">
          {group.indices.map((index) => (
            <BlockView key={index} index={index} context={context} />
          ))}
        </ul>
      );
    case 'toc':
      return (
        <nav className="source-toc" aria-label="Table of contents">
          <ul>
            {group.indices.map((index) => (
              <BlockView key={index} index={index} context={context} />
            ))}
          </ul>
        </nav>
      );
    case 'trailer':
      return (
        <TrailerRegion entries={countBlocks(group.groups)} open={trailerOpen} onToggle={onTrailerToggle}>
          <SourceBody groups={group.groups} context={context} trailerOpen={trailerOpen} onTrailerToggle={onTrailerToggle} />
        </TrailerRegion>
      );
  }
}

function countBlocks(groups: readonly BlockGroup[]): number {
  return groups.reduce((n, g) => n + (g.kind === 'block' ? 1 : g.kind === 'trailer' ? countBlocks(g.groups) : g.indices.length), 0);
}
