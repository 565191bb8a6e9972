import { useId, useState } from 'react';
import type { TagFamily } from '../../core/model/highlight';
import type { NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { useChanges } from '../changes/use-changes';
import { InlineTextEditor } from '../controls/InlineTextEditor';
import { ExportButtons } from '../highlights/ExportButtons';
import { DeleteTagDialog } from './DeleteTagDialog';
import type { TagIndex } from './tag-index';
import { tagSetChanges } from './tag-set-changes';
import { TagRow } from './TagRow';
import { useTagSet } from './use-tag-index';

/** The tag families and their tags, every one editable; and every highlight, for download. */
export function TagManager({ api }: { readonly api: NotebookApi }) {
  const headingId = useId();
  const { tags, retry } = useTagSet();
  return (
    <main className="view tag-manager" aria-labelledby={headingId}>
      <header className="view-header">
        <h1 id={headingId} className="view-title">
          Tags
        </h1>
        <p className="view-intro">Groups, recommendations and your own families of tags. Changes apply to every highlight and can be undone.</p>
        <ExportButtons api={api} />
      </header>
      {tags.status === 'loading' && (
        <p className="view-empty" role="status">
          Loading tags…
        </p>
      )}
      {tags.status === 'failed' && <FailureNotice what="The tags could not be loaded." error={tags.error} onRetry={retry} />}
      {tags.status === 'ready' && (
        <>
          {tags.value.set.families.map((family) => (
            <FamilySection key={family.id} family={family} tags={tags.value} />
          ))}
          <NewName label="New family" placeholder="Name of a new family of tags" onAdd={async (name, changes) => (await changes.createFamily(name)) !== null} />
        </>
      )}
    </main>
  );
}

function FamilySection({ family, tags }: { readonly family: TagFamily; readonly tags: TagIndex }) {
  const headingId = useId();
  const changes = tagSetChanges(useChanges());
  const [editing, setEditing] = useState<'name' | 'delete' | null>(null);
  const members = tags.tagsOf(family.id);
  const tagged = members.reduce((n, t) => n + tags.usage(t.id), 0);
  return (
    <section className="tag-family" aria-labelledby={headingId}>
      <header className="tag-family-header">
        <h2 id={headingId} className="tag-family-name">
          {family.name} <span className="count">{members.length}</span>
        </h2>
        <div className="tag-family-actions">
          <button type="button" className="link-button" aria-label={`Rename the family ${family.name}`} onClick={() => setEditing('name')}>
            Rename
          </button>
          <button type="button" className="link-button link-danger" aria-label={`Delete the family ${family.name}`} onClick={() => setEditing('delete')}>
            Delete…
          </button>
        </div>
      </header>
      {editing === 'name' && (
        <InlineTextEditor
          label={`New name of the family ${family.name}`}
          initial={family.name}
          onSave={async (name) => (await changes.renameFamily(family.id, name)) !== null}
          onDone={() => setEditing(null)}
        />
      )}
      <ul className="tag-rows">
        {members.map((tag) => (
          <TagRow key={tag.id} tag={tag} tags={tags} />
        ))}
      </ul>
      <NewName label={`New tag in ${family.name}`} placeholder="Name of a new tag" onAdd={async (name, c) => (await c.createTag(family.id, name)) !== null} />
      {editing === 'delete' && (
        <DeleteTagDialog
          what={`the family “${family.name}” and its ${members.length === 1 ? 'tag' : `${members.length} tags`}`}
          tagged={tagged}
          onCancel={() => setEditing(null)}
          onDelete={(highlights) => {
            setEditing(null);
            void changes.removeFamily(family.id, highlights);
          }}
        />
      )}
    </section>
  );
}

interface NewNameProps {
  readonly label: string;
  readonly placeholder: string;
  readonly onAdd: (name: string, changes: ReturnType<typeof tagSetChanges>) => Promise<boolean>;
}

/** A name field and Add button that creates a tag or family; the name stays if it was refused. */
function NewName({ label, placeholder, onAdd }: NewNameProps) {
  const id = useId();
  const changes = tagSetChanges(useChanges());
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = async () => {
    if (name.trim() === '') {
      setProblem('Type a name first.');
      return;
    }
    setProblem(null);
    if (await onAdd(name.trim(), changes)) setName('');
  };
  return (
    <form
      className="new-name"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={name} placeholder={placeholder} maxLength={120} onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="button">
        Add
      </button>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
