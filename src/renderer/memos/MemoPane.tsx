import { useCallback, useContext } from 'react';
import type { MemoId, SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { NotebookApi } from '../../shared/api-contract';
import { PaneContext, useWorkspace } from '../panes/workspace-context';
import { useMemoPanes, type MemoCiter } from './memo-panes';
import { MemosPanel } from './MemosPanel';

/**
 * The memos as a pane's view: the memo (or the list) the pane's view names. A citation opens its
 * source in the other pane, at the passage, so the memo stays beside it; a memo of the list can
 * open there too (asking first when a memo open there would go).
 */
export function MemoPane({ api, memoId }: { readonly api: NotebookApi; readonly memoId: MemoId | null }) {
  const pane = useContext(PaneContext);
  const { show, openBeside, openInOtherPane } = useWorkspace();
  const memoPanes = useMemoPanes();
  const onShow = useCallback((id: MemoId | null) => show(pane, { kind: 'memo', memoId: id }), [show, pane]);
  const onOpenToSide = useCallback((id: MemoId) => openBeside(pane, { kind: 'memo', memoId: id }), [openBeside, pane]);
  const onOpenPassage = useCallback((sourceId: SourceId, range: TextRange | null) => openInOtherPane(pane, sourceId, range), [openInOtherPane, pane]);
  const register = useCallback((citer: MemoCiter | null) => (citer === null ? undefined : memoPanes.register(pane, citer)), [memoPanes, pane]);
  return (
    <div className="memo-pane">
      <MemosPanel ref={register} api={api} memoId={memoId} onShow={onShow} onOpenToSide={onOpenToSide} onOpenPassage={onOpenPassage} />
    </div>
  );
}
