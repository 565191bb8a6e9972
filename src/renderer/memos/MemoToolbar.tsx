import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { useEditorState } from '@tiptap/react';
import { CITATION_NODE } from '../../core/model/memo';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { TOOL_ICONS } from './tool-icons';

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

/**
 * The memo's formatting, as a compact row of icons each named for assistive technology (and in its
 * tooltip, with its shortcut): headings, bold, italic, lists, quotes, links, the editor's own undo;
 * then `children` (the citation style) at the end of the row.
 */
export function MemoToolbar({ editor, children }: { readonly editor: Editor; readonly children?: ReactNode }) {
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

  const toggle = (label: string, icon: ReactNode, active: boolean, run: () => void, shortcut?: string) => (
    <button
      type="button"
      className="tool"
      aria-label={label}
      aria-pressed={active}
      aria-keyshortcuts={shortcut?.replace('Ctrl', 'Control')}
      title={shortcut ? `${label} (${shortcut})` : label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {icon}
    </button>
  );
  const separator = <span className="tool-separator" aria-hidden="true" />;

  return (
    <div className="memo-toolbar" role="toolbar" aria-label="Formatting">
      {toggle('Heading (H2)', TOOL_ICONS.heading, state.heading, () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
      {toggle('Subheading (H3)', TOOL_ICONS.subheading, state.subheading, () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
      {separator}
      {toggle('Bold', TOOL_ICONS.bold, state.bold, () => editor.chain().focus().toggleBold().run(), 'Ctrl+B')}
      {toggle('Italic', TOOL_ICONS.italic, state.italic, () => editor.chain().focus().toggleItalic().run(), 'Ctrl+I')}
      {separator}
      {toggle('Bulleted list', TOOL_ICONS.bulletList, state.bulletList, () => editor.chain().focus().toggleBulletList().run())}
      {toggle('Numbered list', TOOL_ICONS.orderedList, state.orderedList, () => editor.chain().focus().toggleOrderedList().run())}
      {toggle('Quote', TOOL_ICONS.blockquote, state.blockquote, () => editor.chain().focus().toggleBlockquote().run())}
      {toggle('Link', TOOL_ICONS.link, state.link, () => setLinking(state.link ? String(editor.getAttributes('link')['href'] ?? '') : 'https://'))}
      {separator}
      <button type="button" className="tool" aria-label="Undo" aria-keyshortcuts="Control+Z" disabled={!state.canUndo} title="Undo (Ctrl+Z)" onClick={() => editor.chain().focus().undo().run()}>
        {TOOL_ICONS.undo}
      </button>
      <button type="button" className="tool" aria-label="Redo" aria-keyshortcuts="Control+Shift+Z" disabled={!state.canRedo} title="Redo (Ctrl+Shift+Z)" onClick={() => editor.chain().focus().redo().run()}>
        {TOOL_ICONS.redo}
      </button>
      {state.citation !== null && (
        <button
          type="button"
          className="tool tool-text"
          onClick={() => editor.chain().focus().updateAttributes(CITATION_NODE, { display: state.citation === 'block' ? 'inline' : 'block' }).run()}
        >
          {state.citation === 'block' ? 'Quote inline' : 'Quote as block'}
        </button>
      )}
      {children && <span className="memo-toolbar-end">{children}</span>}
      {linking !== null && (
        <form className="memo-link-form" onSubmit={applyLink}>
          <label htmlFor={linkId}>Link address</label>
          <input id={linkId} type="url" value={linking} autoFocus onChange={(e) => setLinking(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setLinking(null)} />
          <button type="submit" className="tool tool-text">
            {linking.trim() === '' ? 'Remove link' : 'Apply'}
          </button>
          <button type="button" className="tool tool-text" onClick={() => setLinking(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
