import { useId } from 'react';
import { useTextDraft } from '../controls/use-text-draft';

interface CommentEditorProps {
  readonly initial: string;
  /** Saves the comment; resolves false when the notebook refused it (the editor then stays open). */
  readonly onSave: (comment: string) => Promise<boolean>;
  readonly onDone: () => void;
}

/** A highlight's comment, edited in place. Ctrl/Cmd+Enter saves, Escape leaves it unchanged. */
export function CommentEditor({ initial, onSave, onDone }: CommentEditorProps) {
  const { draft, setDraft, saving, save, onKeyDown } = useTextDraft({ initial, onSave, onDone, multiline: true });
  const id = useId();

  return (
    <div className="comment-editor">
      <label htmlFor={id} className="comment-label">
        Comment
      </label>
      <textarea
        id={id}
        className="comment-input"
        value={draft}
        rows={3}
        autoFocus
        maxLength={20_000}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="comment-actions">
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={saving}>
          {saving ? 'Saving…' : 'Save comment'}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={saving}>
          Cancel
        </button>
      </div>
    </div>
  );
}
