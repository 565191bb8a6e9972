import { tagId, type TagId } from '../../core/model/ids';
import type { AliasExpansion } from '../../core/search/search-types';
import { useTagIndex } from '../tags/use-tag-index';

interface AliasChipsProps {
  readonly expansions: readonly AliasExpansion[];
  readonly onToggle: (groupId: TagId, applied: boolean) => void;
}

/** The groups the query named, each switchable between "every name it goes by" and "as typed". */
export function AliasChips({ expansions, onToggle }: AliasChipsProps) {
  const tags = useTagIndex();
  if (expansions.length === 0) return null;
  return (
    <div className="alias-chips" role="group" aria-label="Other names searched">
      {expansions.map((expansion) => {
        // The services name each alias group by its group tag.
        const groupId = tagId(expansion.groupId);
        const name = tags?.tag(groupId)?.name ?? expansion.matched;
        const others = expansion.aliases.filter((alias) => alias !== expansion.matched);
        return (
          <button
            key={groupId}
            type="button"
            className="alias-chip"
            aria-pressed={expansion.applied}
            title={`${expansion.applied ? 'Searching' : 'Not searching'} every name of ${name}: ${others.join(', ')}`}
            onClick={() => onToggle(groupId, !expansion.applied)}
          >
            <span className="alias-chip-name">{name}</span>
            <span className="alias-chip-aliases">{expansion.applied ? `also ${others.join(', ')}` : 'as typed only'}</span>
          </button>
        );
      })}
    </div>
  );
}
