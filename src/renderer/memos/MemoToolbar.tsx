import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { useEditorState } from '@tiptap/react';
import { CITATION_NODE } from '../../core/model/memo';
import { useId, useState, type FormEvent } from 'react';

interface ToolState {
  readonly heading: boolean;
  readonly subheading: boolean;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly bulletList: boolean;
  readonly orderedList: boolean;
  readonly blockquote: boolean;
  readonly link: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** How the selected citation is shown; null when no citation is selected. */
  readonly citation: 'inline' | 'block' | null;
}

function selectedCitation(editor: Editor): 'inline' | 'block' | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== CITATION_NODE) return null;
  return selection.node.attrs['display'] === 'block' ? 'block' : 'inline';
}

/** The memo's formatting: headings, bold, italic, lists, quotes, links, and the editor's own undo. */
export function MemoToolbar({ editor }: { readonly editor: Editor }) {
  const state = useEditorState<ToolState>({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive('heading', { level: 2 }),
      subheading: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      citation: selectedCitation(e),
    }),
  });
  const [linking, setLinking] = useState<string | null>(null);
  const linkId = useId();

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const href = linking?.trim() ?? '';
    const chain = editor.chain().focus().extendMarkRange('link');
    if (href === '') chain.unsetLink().run();
    else chain.setLink({ href }).run();
    setLinking(null);
  };

  const toggle = (label: string, active: boolean, run: () => void, shortcut?: string) => (
    <button type="button" className="tool" aria-pressed={active} title={shortcut ? `${label} (${shortcut})` : label} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {label}
    </button>
  );

  return (
    <div className="memo-toolbar" role="toolbar" aria-label="Formatting">
      {toggle('Heading', state.heading, () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
      {toggle('Subheading', state.subheading, () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
      {toggle('Bold', state.bold, () => editor.chain().focus().toggleBold().run(), 'Ctrl+B')}
      {toggle('Italic', state.italic, () => editor.chain().focus().toggleItalic().run(), 'Ctrl+I')}
      {toggle('Bulleted list', state.bulletList, () => editor.chain().focus().toggleBulletList().run())}
      {toggle('Numbered list', state.orderedList, () => editor.chain().focus().toggleOrderedList().run())}
      {toggle('Quote', state.blockquote, () => editor.chain().focus().toggleBlockquote().run())}
      {toggle('Link', state.link, () => setLinking(state.link ? String(editor.getAttributes('link')['href'] ?? '') : 'https://'))}
      {state.citation !== null && (
        <button
          type="button"
          className="tool"
          onClick={() => editor.chain().focus().updateAttributes(CITATION_NODE, { display: state.citation === 'block' ? 'inline' : 'block' }).run()}
        >
          {state.citation === 'block' ? 'Quote inline' : 'Quote as block'}
        </button>
      )}
      <button type="button" className="tool" disabled={!state.canUndo} title="Undo (Ctrl+Z)" onClick={() => editor.chain().focus().undo().run()}>
        Undo
      </button>
      <button type="button" className="tool" disabled={!state.canRedo} title="Redo (Ctrl+Shift+Z)" onClick={() => editor.chain().focus().redo().run()}>
        Redo
      </button>
      {linking !== null && (
        <form className="memo-link-form" onSubmit={applyLink}>
          <label htmlFor={linkId}>Link address</label>
          <input id={linkId} type="url" value={linking} autoFocus onChange={(e) => setLinking(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setLinking(null)} />
          <button type="submit" className="tool">
            {linking.trim() === '' ? 'Remove link' : 'Apply'}
          </button>
          <button type="button" className="tool" onClick={() => setLinking(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
