import { useState, type CSSProperties } from 'react';
import type { Tag } from '../../core/model/highlight';
import { hashFor, hashForSource } from '../app/location-hash';
import { useChanges } from '../changes/use-changes';
import { ColorInput } from '../controls/ColorInput';
import { InlineTextEditor } from '../controls/InlineTextEditor';
import { DeleteTagDialog } from './DeleteTagDialog';
import { MergeTagDialog } from './MergeTagDialog';
import type { TagIndex } from './tag-index';
import { parseAliases, tagSetChanges } from './tag-set-changes';

type Editing = 'name' | 'aliases' | 'description' | 'merge' | 'delete' | null;

/** One tag, to rename, recolour, give aliases or text, merge into another, or delete. */
export function TagRow({ tag, tags }: { readonly tag: Tag; readonly tags: TagIndex }) {
  const changes = tagSetChanges(useChanges());
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => setEditing(null);
  const used = tags.usage(tag.id);
  const recommendation = tags.isRecommendation(tag.id);

  return (
    <li className="tag-row" style={{ '--tag-color': tag.color } as CSSProperties}>
      <ColorInput value={tag.color} label={`Colour of ${tag.name}`} onCommit={(color) => void changes.recolor(tag.id, color)} />
      <div className="tag-row-main">
        {editing === 'name' ? (
          <InlineTextEditor label={`New name of ${tag.name}`} initial={tag.name} onSave={async (name) => (await changes.rename(tag.id, name)) !== null} onDone={done} />
        ) : (
          <p className="tag-row-name">
            <span>{tag.name}</span>
            <a className="tag-row-usage" href={hashFor({ view: 'tag', tagId: tag.id })}>
              {used === 1 ? '1 highlight' : `${used} highlights`}
            </a>
          </p>
        )}
        {!recommendation &&
          (editing === 'aliases' ? (
            <InlineTextEditor
              label={`Aliases of ${tag.name}, separated by commas`}
              initial={tag.aliases.join(', ')}
              saveLabel="Save aliases"
              onSave={async (typed) => (await changes.setAliases(tag.id, parseAliases(typed))) !== null}
              onDone={done}
            />
          ) : (
            <p className="tag-row-aliases">
              {tag.aliases.length > 0 ? <>Also: {tag.aliases.join(', ')}</> : <span className="faint">No aliases</span>}{' '}
              <button type="button" className="link-button" aria-label={`Edit aliases of ${tag.name}`} onClick={() => setEditing('aliases')}>
                Edit
              </button>
            </p>
          ))}
        {recommendation &&
          (editing === 'description' ? (
            <InlineTextEditor label={`Text of ${tag.name}`} initial={tag.description} multiline saveLabel="Save text" onSave={async (text) => (await changes.describe(tag.id, text)) !== null} onDone={done} />
          ) : (
            <div className="tag-row-description">
              {tag.description !== '' && <p>{tag.description}</p>}
              <p className="tag-row-links">
                {tag.statedAt && <a href={hashForSource(tag.statedAt.sourceId, tag.statedAt)}>Show in report</a>}
                <button type="button" className="link-button" aria-label={`Edit text of ${tag.name}`} onClick={() => setEditing('description')}>
                  Edit text
                </button>
              </p>
            </div>
          ))}
      </div>
      <div className="tag-row-actions">
        <button type="button" className="link-button" aria-label={`Rename ${tag.name}`} onClick={() => setEditing('name')}>
          Rename
        </button>
        <button type="button" className="link-button" aria-label={`Merge ${tag.name} into another tag`} onClick={() => setEditing('merge')}>
          Merge…
        </button>
        <button type="button" className="link-button link-danger" aria-label={`Delete ${tag.name}`} onClick={() => setEditing('delete')}>
          Delete…
        </button>
      </div>
      {editing === 'merge' && (
        <MergeTagDialog
          tag={tag}
          tags={tags}
          onCancel={done}
          onMerge={(into) => {
            done();
            void changes.merge(tag.id, into);
          }}
        />
      )}
      {editing === 'delete' && (
        <DeleteTagDialog
          what={`the tag “${tag.name}”`}
          tagged={used}
          onCancel={done}
          onDelete={(highlights) => {
            done();
            void changes.remove(tag.id, highlights);
          }}
        />
      )}
    </li>
  );
}
