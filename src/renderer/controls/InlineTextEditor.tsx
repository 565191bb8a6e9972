import { useId } from 'react';
import { useTextDraft } from './use-text-draft';

interface InlineTextEditorProps {
  /** Names the field, e.g. "New name of IS-Khorasan". */
  readonly label: string;
  readonly initial: string;
  /** Saves the text; resolves false when the notebook refused it (the field then stays, with the text). */
  readonly onSave: (text: string) => Promise<boolean>;
  readonly onDone: () => void;
  readonly multiline?: boolean;
  readonly saveLabel?: string;
}

/** A name or text edited in place: Enter (Ctrl/Cmd+Enter when multi-line) saves, Escape leaves it as it was. */
export function InlineTextEditor({ label, initial, onSave, onDone, multiline = false, saveLabel = 'Save' }: InlineTextEditorProps) {
  const { draft, setDraft, saving, save, onKeyDown } = useTextDraft({ initial, onSave, onDone, multiline });
  const id = useId();

  return (
    <div className="inline-editor">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {multiline ? (
        <textarea id={id} value={draft} rows={4} autoFocus onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
      ) : (
        <input id={id} type="text" value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
      )}
      <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>
        {saving ? 'Saving…' : saveLabel}
      </button>
      <button type="button" className="button" disabled={saving} onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}
