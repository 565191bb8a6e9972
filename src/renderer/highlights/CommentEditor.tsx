import { useId, useState } from 'react';

interface CommentEditorProps {
  readonly initial: string;
  /** Saves the comment; resolves false when the notebook refused it (the editor then stays open). */
  readonly onSave: (comment: string) => Promise<boolean>;
  readonly onDone: () => void;
}

/** A highlight's comment, edited in place. Ctrl/Cmd+Enter saves, Escape leaves it unchanged. */
export function CommentEditor({ initial, onSave, onDone }: CommentEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const save = async () => {
    if (draft === initial) return onDone();
    setSaving(true);
    const saved = await onSave(draft);
    setSaving(false);
    // Kept open with the text when refused, so nothing typed is lost.
    if (saved) onDone();
  };

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
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onDone();
          }
        }}
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
