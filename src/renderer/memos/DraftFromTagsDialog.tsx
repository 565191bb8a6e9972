import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TagId } from '../../core/model/ids';
import type { NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { useApiResource } from '../app/use-api-resource';

interface DraftFromTagsDialogProps {
  readonly api: NotebookApi;
  readonly onDraft: (tagIds: TagId[]) => Promise<string | null>;
  readonly onClose: () => void;
}

const passages = (n: number): string => (n === 1 ? '1 passage' : `${n} passages`);

/**
 * "New memo from tag": the person ticks one or more tags (groups, recommendations, their own) and
 * gets a draft with a section per tag. Each tag shows how many passages carry it.
 */
export function DraftFromTagsDialog({ api, onDraft, onClose }: DraftFromTagsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const load = useCallback(() => api.call('tags.list', {}), [api]);
  const { resource: tags, retry } = useApiResource(load);
  const [chosen, setChosen] = useState<readonly TagId[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  const toggle = (id: TagId) => setChosen((now) => (now.includes(id) ? now.filter((t) => t !== id) : [...now, id]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await onDraft([...chosen]);
    setBusy(false);
    if (failure !== null) setProblem(failure);
  };

  return (
    <dialog
      ref={ref}
      className="dialog draft-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={titleId} className="dialog-title">
          New memo from tags
        </h2>
        <p className="dialog-body">Choose the tags to draft from: the memo gets a section per tag, with its passages grouped by source, each cited.</p>
        {tags.status === 'loading' && <p role="status">Loading the tags…</p>}
        {tags.status === 'failed' && <FailureNotice what="The tags could not be loaded." error={tags.error} onRetry={retry} />}
        {tags.status === 'ready' &&
          tags.value.families.map((family) => {
            const members = tags.value.tags.filter((t) => t.familyId === family.id);
            if (members.length === 0) return null;
            return (
              <fieldset key={family.id} className="draft-family">
                <legend>{family.name}</legend>
                {members.map((tag) => (
                  <label key={tag.id} className="draft-tag">
                    <input type="checkbox" checked={chosen.includes(tag.id)} onChange={() => toggle(tag.id)} />
                    <span>{tag.name}</span>
                    <span className="draft-count">{passages(tags.value.usage[tag.id] ?? 0)}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        {problem && (
          <p className="memo-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={chosen.length === 0 || busy}>
            {chosen.length > 1 ? `Draft from ${chosen.length} tags` : 'Draft memo'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
