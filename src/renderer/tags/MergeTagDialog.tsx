import { useId, useState } from 'react';
import type { Tag } from '../../core/model/highlight';
import type { TagId } from '../../core/model/ids';
import { Dialog } from '../controls/Dialog';
import type { TagIndex } from './tag-index';

interface MergeTagDialogProps {
  readonly tag: Tag;
  readonly tags: TagIndex;
  readonly onMerge: (intoTagId: TagId) => void;
  readonly onCancel: () => void;
}

/** Merges a tag into another: its highlights carry the other instead, and it is deleted. */
export function MergeTagDialog({ tag, tags, onMerge, onCancel }: MergeTagDialogProps) {
  const selectId = useId();
  const others = tags.set.tags.filter((t) => t.id !== tag.id);
  const [into, setInto] = useState<TagId | null>(others.find((t) => t.familyId === tag.familyId)?.id ?? others[0]?.id ?? null);
  const target = into === null ? undefined : tags.tag(into);
  const tagged = tags.usage(tag.id);

  return (
    <Dialog
      title={`Merge “${tag.name}” into another tag`}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button button-primary" disabled={into === null} onClick={() => into !== null && onMerge(into)}>
            Merge
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={selectId}>Merge into</label>
        <select id={selectId} value={into ?? ''} onChange={(event) => setInto(others.find((t) => t.id === event.target.value)?.id ?? null)}>
          {tags.set.families.map((family) => (
            <optgroup key={family.id} label={family.name}>
              {tags.tagsOf(family.id)
                .filter((t) => t.id !== tag.id)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      {target && (
        <p className="dialog-body">
          {tagged === 1 ? '1 highlight carries' : `${tagged} highlights carry`} “{tag.name}”; {tagged === 1 ? 'it' : 'they'} will carry “{target.name}” instead, and “
          {tag.name}” will be deleted. You can undo this.
        </p>
      )}
    </Dialog>
  );
}
