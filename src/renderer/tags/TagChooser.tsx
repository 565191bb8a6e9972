import { tagId as asTagId, type TagId } from '../../core/model/ids';
import type { TagIndex } from './tag-index';

interface TagChooserProps {
  readonly tags: TagIndex;
  readonly value: TagId | null;
  readonly label: string;
  readonly onChoose: (tagId: TagId) => void;
  /** Show each tag's number of highlights. */
  readonly counts?: boolean;
}

/** A tag chosen from a list grouped by family. */
export function TagChooser({ tags, value, label, onChoose, counts = false }: TagChooserProps) {
  return (
    <label className="tag-chooser">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => event.target.value !== '' && onChoose(asTagId(event.target.value))}>
        {value === null && <option value="">Choose a tag…</option>}
        {tags.set.families.map((family) => (
          <optgroup key={family.id} label={family.name}>
            {tags.tagsOf(family.id).map((tag) => (
              <option key={tag.id} value={tag.id}>
                {counts ? `${tag.name} (${tags.usage(tag.id)})` : tag.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
