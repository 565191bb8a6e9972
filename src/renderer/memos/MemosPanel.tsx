import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { displayTitle } from '../../core/memo/memo-title';
import type { HighlightId, MemoId, SourceId, TagId } from '../../core/model/ids';
import { CITATION_NODE, type Memo } from '../../core/model/memo';
import type { TextRange } from '../../core/model/source';
import type { ApiInput, MemoSummary, NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { useApiResource } from '../app/use-api-resource';
import { downloadFile } from '../controls/download-file';
import { MenuButton } from '../controls/MenuButton';
import { BIBLIOGRAPHY_LABELS, downloadBibliography, type BibliographyFormat } from '../highlights/download-exchange';
import { CiteInMemoDialog } from './CiteInMemoDialog';
import { DraftFromTagsDialog } from './DraftFromTagsDialog';
import { citationOf } from './load-citable';
import { MemoEditor, type MemoEditorHandle } from './MemoEditor';
import { MemoList } from './MemoList';

/** What the rest of the window asks of the memos: the highlight cards' "Cite in memo". */
export interface MemosPanelHandle {
  cite(highlightId: HighlightId): void;
}

interface MemosPanelProps {
  readonly api: NotebookApi;
  /** The memo to show; null: the list of memos. */
  readonly memoId: MemoId | null;
  /** Shows another memo, or the list (null), in the panel's place. */
  readonly onShow: (memoId: MemoId | null) => void;
  /** Opens a memo beside this panel. */
  readonly onOpenToSide: (memoId: MemoId) => void;
  /** Opens a source, at a passage when there is one, beside the memo. */
  readonly onOpenPassage: (sourceId: SourceId, range: TextRange | null) => void;
  readonly ref?: Ref<MemosPanelHandle>;
}

/** How long a deleted memo's Undo stays offered. */
const UNDO_MS = 20_000;

/**
 * The memos: their list, "New memo" and "New memo from tag", and the open memo with its exports (Markdown, Word, Obsidian)
 * and Delete (undoable for a while). Which memo is open is the caller's (a pane's view,
 * restored on restart). Citations made from elsewhere land in the open memo; with none open, the
 * person is asked which memo (or a new one).
 */
export function MemosPanel({ api, memoId, onShow, onOpenToSide, onOpenPassage, ref }: MemosPanelProps) {
  const [listVersion, setListVersion] = useState(0);
  const loadList = useCallback(() => api.call('memos.list', {}), [api]);
  const { resource: list, retry: retryList } = useApiResource(loadList, listVersion);
  const loadSources = useCallback(() => api.call('sources.list', {}), [api]);
  const { resource: sourceList } = useApiResource(loadSources);
  const sources = useMemo(() => new Map(sourceList.status === 'ready' ? sourceList.value.map((s) => [s.id, s]) : []), [sourceList]);
  const [open, setOpen] = useState<Memo | null>(null);
  const [notice, setNotice] = useState<{ readonly text: string; readonly alert: boolean } | null>(null);
  const [deleted, setDeleted] = useState<MemoSummary | null>(null);
  const [drafting, setDrafting] = useState(false);
  /** A highlight to cite, while the person chooses the memo. */
  const [citing, setCiting] = useState<HighlightId | null>(null);
  const pendingCitation = useRef<HighlightId | null>(null);
  const editor = useRef<MemoEditorHandle>(null);

  const refreshList = useCallback(() => setListVersion((v) => v + 1), []);

  // The memo the caller names is loaded, unless it is the one this panel opened itself.
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  }, [open]);
  useEffect(() => {
    if (memoId === null) refreshList();
    if (memoId === (openRef.current?.id ?? null)) return;
    if (memoId === null) {
      setOpen(null);
      return;
    }
    let current = true;
    void api.call('memos.get', { memoId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setOpen(result.value);
        setNotice(null);
        return;
      }
      setNotice({ text: `The memo could not be opened: ${result.error.message}`, alert: true });
      onShow(null);
    });
    return () => {
      current = false;
    };
  }, [api, memoId, onShow, refreshList]);

  /** Opens a memo this panel has in hand, and tells the caller. */
  const show = useCallback(
    (memo: Memo) => {
      setOpen(memo);
      onShow(memo.id);
    },
    [onShow],
  );

  useEffect(() => {
    if (deleted === null) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  /** Leaves the open memo once everything typed in it is saved; stays (and says why) if it cannot be. */
  const leave = useCallback(async (): Promise<boolean> => {
    const failure = (await editor.current?.flush()) ?? null;
    if (failure !== null) {
      setNotice({ text: `The memo stays open until it is saved: ${failure}`, alert: true });
      return false;
    }
    setOpen(null);
    onShow(null);
    refreshList();
    return true;
  }, [refreshList, onShow]);

  const create = async (input: ApiInput<'memos.create'>, said: string | null): Promise<string | null> => {
    const result = await api.call('memos.create', input);
    if (!result.ok) return result.error.message;
    show(result.value);
    refreshList();
    setNotice(said === null ? null : { text: said, alert: false });
    return null;
  };

  const newMemo = async () => {
    if (open !== null && !(await leave())) return;
    const failure = await create({}, null);
    if (failure !== null) setNotice({ text: `A new memo could not be made: ${failure}`, alert: true });
  };

  const draft = async (tagIds: TagId[]): Promise<string | null> => {
    if (open !== null && !(await leave())) return 'The open memo could not be saved first.';
    const result = await api.call('memos.draftFromTags', { tagIds });
    if (!result.ok) return result.error.message;
    setDrafting(false);
    show(result.value);
    refreshList();
    return null;
  };

  const exportMarkdown = async () => {
    if (open === null) return;
    const failure = (await editor.current?.flush()) ?? null;
    if (failure !== null) return setNotice({ text: `The memo must be saved before it is exported: ${failure}`, alert: true });
    const file = await api.call('memos.exportMarkdown', { memoId: open.id });
    if (!file.ok) return setNotice({ text: `The memo could not be exported: ${file.error.message}`, alert: true });
    downloadFile(file.value);
    setNotice({ text: `Exported as ${file.value.fileName}.`, alert: false });
  };

  /** The memo as saved, as a Word document or as a folder (zipped) for an Obsidian vault. */
  const exportAs = async (method: 'memos.exportWord' | 'memos.exportObsidian') => {
    if (open === null) return;
    const failure = (await editor.current?.flush()) ?? null;
    if (failure !== null) return setNotice({ text: `The memo must be saved before it is exported: ${failure}`, alert: true });
    const file = await api.call(method, { memoId: open.id });
    if (!file.ok) return setNotice({ text: `The memo could not be exported: ${file.error.message}`, alert: true });
    downloadFile(file.value);
    setNotice({ text: `Exported as ${file.value.fileName}.`, alert: false });
  };

  /** The bibliography of the sources the memo cites, as saved. */
  const exportBibliography = async (format: BibliographyFormat) => {
    if (open === null) return;
    const failure = (await editor.current?.flush()) ?? null;
    if (failure !== null) return setNotice({ text: `The memo must be saved before its sources are exported: ${failure}`, alert: true });
    const outcome = await downloadBibliography(api, format, open.id);
    setNotice('problem' in outcome ? { text: outcome.problem, alert: true } : null);
  };

  const remove = async () => {
    if (open === null) return;
    await editor.current?.flush();
    const result = await api.call('memos.delete', { memoId: open.id });
    if (!result.ok) return setNotice({ text: `The memo could not be deleted: ${result.error.message}`, alert: true });
    setOpen(null);
    onShow(null);
    setDeleted(result.value);
    setNotice(null);
    refreshList();
  };

  const undoDelete = async () => {
    if (deleted === null) return;
    const result = await api.call('memos.restore', { memoId: deleted.id });
    if (!result.ok) return setNotice({ text: `The memo could not be restored: ${result.error.message}`, alert: true });
    setDeleted(null);
    show(result.value);
    refreshList();
  };

  /** Cites a highlight in the open memo; says why when it cannot. */
  const citeInOpen = useCallback(async (highlightId: HighlightId) => {
    if (editor.current === null) return;
    const failure = await editor.current.cite(highlightId);
    setNotice(failure === null ? null : { text: `The highlight could not be cited: ${failure}`, alert: true });
  }, []);

  const citeInNewMemo = async (highlightId: HighlightId) => {
    setCiting(null);
    const citation = await citationOf(api, highlightId, 'block');
    if (!citation.ok) return setNotice({ text: `The highlight could not be cited: ${citation.error.message}`, alert: true });
    const doc = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: CITATION_NODE, attrs: { ...citation.value } }] }, { type: 'paragraph' }] };
    const failure = await create({ doc }, 'Cited in a new memo.');
    if (failure !== null) setNotice({ text: `The highlight could not be cited: ${failure}`, alert: true });
  };

  /** Opens the memo chosen for a citation; the citation goes in once its editor is there (below). */
  const citeInMemo = async (memoId: MemoId, highlightId: HighlightId) => {
    setCiting(null);
    const result = await api.call('memos.get', { memoId });
    if (!result.ok) return setNotice({ text: `The memo could not be opened to cite in: ${result.error.message}`, alert: true });
    pendingCitation.current = highlightId;
    show(result.value);
  };
  useEffect(() => {
    const highlightId = pendingCitation.current;
    if (open === null || highlightId === null) return;
    pendingCitation.current = null;
    void citeInOpen(highlightId);
  }, [open, citeInOpen]);

  useImperativeHandle(ref, () => ({
    cite: (highlightId) => {
      if (editor.current !== null) void citeInOpen(highlightId);
      // With no memo open the person says which memo; with no memo at all there is nothing to ask.
      else if (list.status === 'ready' && list.value.length === 0) void citeInNewMemo(highlightId);
      else setCiting(highlightId);
    },
  }));

  return (
    <section className="memos" aria-label="Memos">
      <header className="memos-header">
        {open === null ? (
          <>
            <h2 className="memos-heading">Memos</h2>
            <div className="memos-actions">
              <button type="button" className="button" onClick={() => void newMemo()}>
                New memo
              </button>
              <button type="button" className="button" onClick={() => setDrafting(true)}>
                New memo from tag
              </button>
            </div>
          </>
        ) : (
          <>
            <button type="button" className="link-button" onClick={() => void leave()}>
              ← All memos
            </button>
            <div className="memos-actions">
              <button type="button" className="button" onClick={() => void newMemo()}>
                New memo
              </button>
              <button type="button" className="button" onClick={() => void exportMarkdown()}>
                Export Markdown
              </button>
              <button type="button" className="button" onClick={() => void exportAs('memos.exportWord')}>
                Export Word
              </button>
              <button type="button" className="button" onClick={() => void exportAs('memos.exportObsidian')}>
                Export for Obsidian
              </button>
              <MenuButton
                label="Download bibliography"
                items={(Object.keys(BIBLIOGRAPHY_LABELS) as BibliographyFormat[]).map((format) => ({
                  label: BIBLIOGRAPHY_LABELS[format],
                  onSelect: () => void exportBibliography(format),
                }))}
              />
              <button type="button" className="button button-danger" onClick={() => void remove()}>
                Delete memo
              </button>
            </div>
          </>
        )}
      </header>
      {notice && (
        <p className="memo-notice" role={notice.alert ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {deleted && (
        <div className="memo-toast" role="status">
          <span>Deleted “{displayTitle(deleted.title)}”.</span>
          <button type="button" className="link-button" onClick={() => void undoDelete()}>
            Undo
          </button>
        </div>
      )}
      {open !== null ? (
        <MemoEditor key={open.id} ref={editor} api={api} memo={open} sources={sources} onOpenPassage={onOpenPassage} />
      ) : (
        <>
          {list.status === 'loading' && <p role="status">Loading the memos…</p>}
          {list.status === 'failed' && <FailureNotice what="The memos could not be listed." error={list.error} onRetry={retryList} />}
          {list.status === 'ready' && <MemoList memos={list.value} onOpen={onShow} onOpenToSide={onOpenToSide} />}
        </>
      )}
      {drafting && <DraftFromTagsDialog api={api} onDraft={draft} onClose={() => setDrafting(false)} />}
      {citing !== null && (
        <CiteInMemoDialog memos={list} onChoose={(id) => void citeInMemo(id, citing)} onNewMemo={() => void citeInNewMemo(citing)} onCancel={() => setCiting(null)} />
      )}
    </section>
  );
}
