import { useState, type KeyboardEvent } from 'react';

interface TextDraftOptions {
  readonly initial: string;
  /** Saves the text; resolves false when the notebook refused it. */
  readonly onSave: (text: string) => Promise<boolean>;
  readonly onDone: () => void;
  /** Enter then makes a new line, and Ctrl/Cmd+Enter saves. */
  readonly multiline: boolean;
}

/**
 * Text edited in place: Enter (Ctrl/Cmd+Enter when multi-line) saves, Escape leaves it as it was.
 * An editor it drives stays open with the text when the save is refused, so nothing typed is lost.
 */
export function useTextDraft({ initial, onSave, onDone, multiline }: TextDraftOptions) {
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (draft === initial) return onDone();
    setSaving(true);
    const saved = await onSave(draft);
    setSaving(false);
    if (saved) onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // The editor sits inside panes and dialogs that also close on Escape.
      event.stopPropagation();
      onDone();
    }
  };

  return { draft, setDraft, saving, save, onKeyDown };
}
