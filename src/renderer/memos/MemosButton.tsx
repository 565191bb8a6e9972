import { useWorkspace } from '../panes/workspace-context';

/** Shows the list of memos in the right pane, beside what the left one shows. */
export function MemosButton() {
  const { show } = useWorkspace();
  return (
    <button type="button" className="memos-button" onClick={() => show('second', { kind: 'memo', memoId: null })}>
      Memos
    </button>
  );
}
