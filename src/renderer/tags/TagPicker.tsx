import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { HighlightTag, Stance } from '../../core/model/highlight';
import type { FamilyId, TagId } from '../../core/model/ids';
import { StanceChoice } from './StanceChoice';
import type { TagIndex } from './tag-index';
import { searchTags } from '../../core/tags/tag-search';

interface TagPickerProps {
  readonly tags: TagIndex;
  /** Tags the passage mentions, offered first. */
  readonly mentioned: readonly TagId[];
  readonly chosen: readonly HighlightTag[];
  /** Names the dialog, e.g. "Tags for the selection". */
  readonly label: string;
  readonly onToggle: (tagId: TagId) => void;
  readonly onStance: (tagId: TagId, stance: Stance) => void;
  /** Creates a tag from the typed name and chooses it. */
  readonly onCreate: (name: string, familyId: FamilyId) => void;
  readonly onClose: () => void;
}

type Option = { readonly kind: 'tag'; readonly tagId: TagId } | { readonly kind: 'create'; readonly familyId: FamilyId };

/**
 * Chooses a passage's tags: a combobox named "Tags" over a listbox of tags, best match first and
 * the tags the passage mentions ahead of the rest. Typing filters (by name or alias, loosely);
 * the arrows move, Enter chooses or unchooses, Escape closes. A name that matches no tag can be
 * made a new tag of any family. Each recommendation chosen gets its stance.
 */
export function TagPicker({ tags, mentioned, chosen, label, onToggle, onStance, onCreate, onClose }: TagPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = useId();

  const matches = useMemo(() => searchTags(tags.set.tags, query, mentioned), [tags, query, mentioned]);
  const name = query.trim();
  const exists = tags.set.tags.some((t) => t.name.toLowerCase() === name.toLowerCase());
  const options: Option[] = [
    ...matches.map((m): Option => ({ kind: 'tag', tagId: m.tag.id })),
    ...(name !== '' && !exists ? tags.set.families.map((f): Option => ({ kind: 'create', familyId: f.id })) : []),
  ];
  const activeIndex = Math.min(active, options.length - 1);
  const chosenIds = new Set(chosen.map((c) => c.tagId));

  const choose = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'tag') onToggle(option.tagId);
    else onCreate(name, option.familyId);
    // Ready for the next tag; the one chosen stays ticked in the full list.
    setQuery('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      event.preventDefault();
      setActive(Math.max(0, Math.min(to, options.length - 1)));
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') move(activeIndex + 8);
    else if (event.key === 'PageUp') move(activeIndex - 8);
    else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[activeIndex]);
    }
  };

  const stances = chosen.flatMap((c) => {
    const tag = tags.isRecommendation(c.tagId) ? tags.tag(c.tagId) : undefined;
    return tag ? [{ tag, stance: c.stance ?? 'context' }] : [];
  });

  return (
    <div
      className="tag-picker"
      role="dialog"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <input
        className="tag-picker-input"
        role="combobox"
        aria-label="Tags"
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={options.length > 0 ? `${optionId}-${activeIndex}` : undefined}
        placeholder="Find or create a tag…"
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="tag-picker-list" role="listbox" aria-label="Tags" aria-multiselectable="true">
        {options.length === 0 && <li className="tag-picker-empty">No tag matches.</li>}
        {options.map((option, i) => {
          const id = `${optionId}-${i}`;
          const isActive = i === activeIndex;
          // The input keeps focus: pressing on an option must not move it there.
          const press = { onMouseDown: (e: { preventDefault: () => void }) => e.preventDefault(), onClick: () => choose(option), onMouseMove: () => setActive(i) };
          if (option.kind === 'create') {
            const family = tags.family(option.familyId);
            return (
              <li key={id} id={id} role="option" aria-selected="false" className={`tag-option tag-option-create${isActive ? ' active' : ''}`} {...press}>
                Create tag “{name}” in {family?.name ?? 'this family'}
              </li>
            );
          }
          const match = matches[i];
          if (!match) return null;
          const family = tags.family(match.tag.familyId);
          const selected = chosenIds.has(match.tag.id);
          return (
            <li
              key={id}
              id={id}
              role="option"
              aria-selected={selected}
              aria-label={match.mentioned ? `${match.tag.name}, mentioned in the passage` : match.tag.name}
              className={`tag-option${isActive ? ' active' : ''}${selected ? ' chosen' : ''}`}
              {...press}
            >
              <span className="tag-check" aria-hidden="true">
                {selected ? '✓' : ''}
              </span>
              <span className="tag-swatch" style={{ background: match.tag.color }} aria-hidden="true" />
              <span className="tag-option-name">{match.tag.name}</span>
              {match.via && <span className="tag-option-via">“{match.via}”</span>}
              {match.mentioned && <span className="tag-option-hint">mentioned</span>}
              <span className="tag-option-family">{family?.name}</span>
            </li>
          );
        })}
      </ul>
      {stances.length > 0 && (
        <div className="tag-picker-stances">
          {stances.map(({ tag, stance }) => (
            <StanceChoice key={tag.id} tagName={tag.name} stance={stance} onChange={(s) => onStance(tag.id, s)} />
          ))}
        </div>
      )}
      <div className="tag-picker-footer">
        <span className="tag-picker-keys">↑↓ move · Enter choose · Esc close</span>
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
