import { useCallback } from 'react';
import { displayTitle } from '../../core/memo/memo-title';
import type { MemoId } from '../../core/model/ids';
import type { NotebookApi, PaneView } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';
import { ConfirmDialog } from '../controls/ConfirmDialog';

interface ReplaceMemoDialogProps {
  readonly api: NotebookApi;
  readonly memoId: MemoId;
  /** Which pane the memo is in, as the person sees it. */
  readonly side: 'left' | 'right';
  /** What would take its place. */
  readonly view: PaneView;
  readonly onReplace: () => void;
  readonly onCancel: () => void;
}

/** What would take the memo's place, in a sentence. */
const WHAT: Readonly<Record<PaneView['kind'], string>> = { source: 'the source', memo: 'another memo', tag: 'the tag view', search: 'the search' };

/**
 * Before something opened "to the side" takes the place of a memo open there: the memo is saved
 * either way and opens again from Memos, but it should not vanish from beside the person unasked.
 */
export function ReplaceMemoDialog({ api, memoId, side, view, onReplace, onCancel }: ReplaceMemoDialogProps) {
  const load = useCallback(() => api.call('memos.get', { memoId }), [api, memoId]);
  const { resource: memo } = useApiResource(load);
  const name = memo.status === 'ready' ? `“${displayTitle(memo.value.title)}”` : 'the memo';
  return (
    <ConfirmDialog title={`Replace ${name} in the ${side} pane?`} choices={[{ label: 'Replace the memo', onChoose: onReplace }]} onCancel={onCancel}>
      <p>
        Opening {WHAT[view.kind]} there puts {name} away. It is saved, and opens again from Memos; Cancel keeps it open.
      </p>
    </ConfirmDialog>
  );
}
