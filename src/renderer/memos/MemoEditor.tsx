import type { Editor, JSONContent } from '@tiptap/core';
import { EditorContent, ReactNodeViewRenderer, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore, type Ref } from 'react';
import { UNTITLED_MEMO } from '../../core/memo/memo-title';
import { CITATION_STYLE_LABELS, CITATION_STYLES, DEFAULT_CITATION_STYLE, isCitationStyle, type CitationStyle } from '../../core/export/citation-style';
import type { HighlightId, SourceId } from '../../core/model/ids';
import { CITATION_NODE, type CitationAttrs, type CitationDisplay, type Memo } from '../../core/model/memo';
import type { TextRange } from '../../core/model/source';
import type { NotebookApi, ResolvedCitation, SourceSummary } from '../../shared/api-contract';
import { HIGHLIGHT_DRAG_TYPE } from '../app/passage-actions';
import { useApiResource } from '../app/use-api-resource';
import { useRevision } from '../changes/use-changes';
import { Autosaver } from './autosaver';
import { CitationContext, type CitationContextValue } from './citation-context';
import { citationAttrs, CitationNode } from './citation-node';
import { CitationPicker } from './CitationPicker';
import { CitationSuggestion, type SuggestionKey } from './citation-suggestion';
import { CitationView } from './CitationView';
import { citationOf, loadCitable } from './load-citable';
import { editorContent } from './memo-json';
import { MemoToolbar } from './MemoToolbar';
import { SaveStatusLine } from './SaveStatusLine';
import { useResolvedCitations } from './use-resolved-citations';

/** What the memo pane asks of its open memo. */
export interface MemoEditorHandle {
  /** Cites a highlight where the cursor is: as a block in an empty paragraph, else inline. */
  cite(highlightId: HighlightId): Promise<string | null>;
  /** Saves what is not saved yet; resolves with why it could not, or null. */
  flush(): Promise<string | null>;
}

interface MemoEditorProps {
  readonly api: NotebookApi;
  readonly memo: Memo;
  readonly sources: ReadonlyMap<SourceId, SourceSummary>;
  /** Opens a source, at a passage when there is one, beside the memo. */
  readonly onOpenPassage: (sourceId: SourceId, range: TextRange | null) => void;
  readonly ref?: Ref<MemoEditorHandle>;
}

interface Draft {
  readonly title: string;
  readonly citationStyle: CitationStyle;
  readonly doc: { readonly type: 'doc'; readonly content: JSONContent[] };
}

/** The title and citation style as last set, read when the save goes out. */
interface Heading {
  readonly title: string;
  readonly citationStyle: CitationStyle;
}

/** What the empty memo says where the writing goes. */
const MEMO_PLACEHOLDER = 'Write the memo. Type @ to cite a highlight, or drop one here from its card.';

const draftOf = ({ title, citationStyle }: Heading, editor: Editor): Draft => ({ title, citationStyle, doc: { type: 'doc', content: editor.getJSON().content ?? [] } });

function citedIds(editor: Editor): HighlightId[] {
  const ids: HighlightId[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === CITATION_NODE) ids.push(citationAttrs(node.attrs).highlightId);
  });
  return ids;
}

/**
 * One memo: its title, a rich-text editor (headings, lists, links, quotes, citations), and a
 * status line saying whether everything typed is saved. Saving is automatic: half a second after
 * typing pauses, when the editor or title loses focus, and before the window closes.
 */
export function MemoEditor({ api, memo, sources, onOpenPassage, ref }: MemoEditorProps) {
  const revision = useRevision();
  const [title, setTitle] = useState(memo.title);
  const [citationStyle, setCitationStyle] = useState<CitationStyle>(memo.citationStyle ?? DEFAULT_CITATION_STYLE);
  const headingRef = useRef<Heading>({ title: memo.title, citationStyle: memo.citationStyle ?? DEFAULT_CITATION_STYLE });
  const keys = useRef<((key: SuggestionKey) => boolean) | null>(null);
  const focusedOnce = useRef(false);
  const editorRef = useRef<Editor | null>(null);
  const [dropProblem, setDropProblem] = useState<string | null>(null);

  // What is saved is read from the editor when the save goes out, not at every keystroke.
  const autosaver = useMemo(
    () =>
      new Autosaver<() => Draft>(async (current) => {
        const { title: titleNow, citationStyle: styleNow, doc } = current();
        const result = await api.call('memos.save', { memoId: memo.id, title: titleNow, citationStyle: styleNow, doc: { type: 'doc', content: [...doc.content] } });
        return result.ok ? null : result.error.message;
      }),
    [api, memo.id],
  );
  const status = useSyncExternalStore(autosaver.subscribe, autosaver.status);

  /** Inserts a citation at `at` (a position, or the `@` query it replaces), or where the cursor is. */
  const insertCitation = useCallback((editor: Editor, attrs: CitationAttrs, at: number | { from: number; to: number } | null) => {
    const citation = { type: CITATION_NODE, attrs: { ...attrs } };
    if (attrs.display === 'block') {
      const chain = at === null ? editor.chain().focus(focusedOnce.current ? undefined : 'end').insertContent(citation) : editor.chain().focus().insertContentAt(at, citation);
      // Writing goes on below a block quote, not beside it.
      chain.splitBlock().run();
      return;
    }
    const content = [citation, { type: 'text', text: ' ' }];
    if (at === null) editor.chain().focus(focusedOnce.current ? undefined : 'end').insertContent(content).run();
    else editor.chain().focus().insertContentAt(at, content).run();
  }, []);

  const citeById = useCallback(
    async (highlightId: HighlightId, display: CitationDisplay, at: number | null): Promise<string | null> => {
      const citation = await citationOf(api, highlightId, display);
      const editor = editorRef.current;
      if (!citation.ok) return citation.error.message;
      if (editor === null || editor.isDestroyed) return 'The memo was closed before the citation could be added.';
      insertCitation(editor, citation.value, at);
      return null;
    },
    [api, insertCitation],
  );

  const editor = useEditor({
    // The Content-Security-Policy refuses the <style> TipTap would inject; its rules are in memos.css.
    injectCSS: false,
    extensions: [
      // Underline and strike have no Markdown of their own, so the export could not keep them.
      StarterKit.configure({ underline: false, strike: false, link: { openOnClick: false, autolink: true, defaultProtocol: 'https' } }),
      CitationNode.extend({
        addNodeView: () =>
          ReactNodeViewRenderer(CitationView, {
            // The buttons inside a citation are the person's, not the editor's.
            stopEvent: ({ event }) => event.target instanceof Element && event.target.closest('button') !== null,
            // On the node's own element, so that a block citation lays out as a block of the paragraph.
            attrs: ({ node }) => ({ 'data-display': node.attrs['display'] === 'block' ? 'block' : 'inline' }),
          }),
      }),
      // A function, not the ref: configure() copies the objects it is given.
      CitationSuggestion.configure({ onKey: (key) => keys.current?.(key) ?? false }),
      // Said in the empty memo only: in every empty line it would crowd the writing.
      Placeholder.configure({ placeholder: ({ editor: e }) => (e.isEmpty ? MEMO_PLACEHOLDER : '') }),
    ],
    content: editorContent(memo.doc),
    editorProps: {
      attributes: { role: 'textbox', 'aria-label': 'Memo', 'aria-multiline': 'true', 'aria-placeholder': MEMO_PLACEHOLDER, class: 'memo-text' },
      handleDrop: (view, event) => {
        const highlightId = event.dataTransfer?.getData(HIGHLIGHT_DRAG_TYPE);
        if (!highlightId) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        void citeById(highlightId as HighlightId, 'block', at ?? null).then(setDropProblem);
        return true;
      },
    },
    onFocus: () => {
      focusedOnce.current = true;
    },
    onUpdate: ({ editor: changed }) => autosaver.change(() => draftOf(headingRef.current, changed)),
    onBlur: () => void autosaver.flush(),
  });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  const [cited, setCited] = useState<HighlightId[]>(() => citedIds(editor));
  useEffect(() => {
    const update = () => setCited(citedIds(editor));
    editor.on('update', update);
    return () => {
      editor.off('update', update);
    };
  }, [editor]);
  const { resolved, problem } = useResolvedCitations(api, cited, revision);
  useRefreshQuotes(editor, resolved);

  const loadCandidates = useCallback(() => loadCitable(api), [api]);
  const { resource: candidates } = useApiResource(loadCandidates, revision);

  const citationContext = useMemo<CitationContextValue>(
    () => ({
      resolved,
      sources,
      open: (citation, current) => {
        const range = current?.start != null && current.end != null ? { start: current.start, end: current.end } : null;
        onOpenPassage(current?.sourceId ?? citation.sourceId, range);
      },
    }),
    [resolved, sources, onOpenPassage],
  );

  useImperativeHandle(
    ref,
    () => ({
      cite: (highlightId) => {
        const { $from } = editor.state.selection;
        const empty = $from.parent.type.name === 'paragraph' && $from.parent.content.size === 0;
        return citeById(highlightId, focusedOnce.current && empty ? 'block' : 'inline', null);
      },
      flush: async () => {
        await autosaver.flush();
        const now = autosaver.status();
        return now.kind === 'failed' ? now.reason : null;
      },
    }),
    [editor, autosaver, citeById],
  );

  useEffect(() => {
    // Whatever is typed before the window closes or the memo is left is saved.
    const flush = () => void autosaver.flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [autosaver]);

  const onTitle = (value: string) => {
    setTitle(value);
    headingRef.current = { ...headingRef.current, title: value };
    autosaver.change(() => draftOf(headingRef.current, editor));
  };

  const onCitationStyle = (value: string) => {
    if (!isCitationStyle(value)) return;
    setCitationStyle(value);
    headingRef.current = { ...headingRef.current, citationStyle: value };
    autosaver.change(() => draftOf(headingRef.current, editor));
  };

  return (
    <div className="memo-editor">
      {/* A textarea so a long title wraps; it is one line all the same: Enter goes on to the memo. */}
      <textarea
        className="memo-title"
        aria-label="Memo title"
        placeholder={UNTITLED_MEMO}
        rows={1}
        value={title}
        maxLength={300}
        onChange={(event) => onTitle(event.target.value.replace(/\s*\n\s*/g, ' '))}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          editor.commands.focus('start');
        }}
        onBlur={() => void autosaver.flush()}
      />
      <MemoToolbar editor={editor}>
        <label className="memo-citation-style">
          Citation style
          <select aria-label="Citation style" value={citationStyle} onChange={(event) => onCitationStyle(event.target.value)} onBlur={() => void autosaver.flush()}>
            {CITATION_STYLES.map((style) => (
              <option key={style} value={style}>
                {CITATION_STYLE_LABELS[style]}
              </option>
            ))}
          </select>
        </label>
      </MemoToolbar>
      <CitationContext.Provider value={citationContext}>
        <EditorContent editor={editor} className="memo-body" />
      </CitationContext.Provider>
      <CitationPicker editor={editor} keys={keys} candidates={candidates} sources={sources} onPick={(attrs, range) => insertCitation(editor, attrs, range)} />
      <SaveStatusLine status={status} onRetry={() => void autosaver.retry()} />
      {problem && (
        <p className="memo-problem" role="status">
          The citations could not be checked against their highlights: {problem}
        </p>
      )}
      {dropProblem && (
        <p className="memo-problem" role="alert">
          The highlight could not be cited: {dropProblem}
        </p>
      )}
    </div>
  );
}

/**
 * Keeps each live citation's last known quote and source up to date, so that a citation whose
 * highlight is later deleted still shows the passage as it last was. Not an undoable edit.
 */
function useRefreshQuotes(editor: Editor, resolved: ReadonlyMap<HighlightId, ResolvedCitation>): void {
  useEffect(() => {
    const { tr, doc } = editor.state;
    doc.descendants((node, pos) => {
      if (node.type.name !== CITATION_NODE) return;
      const attrs = citationAttrs(node.attrs);
      const current = resolved.get(attrs.highlightId);
      if (current?.state !== 'live' || current.quote === null || current.sourceId === null) return;
      if (current.quote !== attrs.quote || current.sourceId !== attrs.sourceId) tr.setNodeMarkup(pos, undefined, { ...attrs, quote: current.quote, sourceId: current.sourceId });
    });
    if (tr.docChanged) editor.view.dispatch(tr.setMeta('addToHistory', false));
  }, [editor, resolved]);
}
