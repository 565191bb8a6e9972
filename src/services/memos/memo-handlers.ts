import type { ApiHandlers } from '../dispatch';
import type { MemoService } from './memo-service';

type MemoMethod = Extract<keyof ApiHandlers, `memos.${string}` | 'citations.resolve'>;

/** The memo methods of the contract, over the memo service. */
export function createMemoHandlers(memos: MemoService): Pick<ApiHandlers, MemoMethod> {
  return {
    'memos.list': () => memos.list(),
    'memos.get': ({ memoId }) => memos.get(memoId),
    'memos.create': (input) => memos.create(input),
    'memos.save': (input) => memos.save(input),
    'memos.delete': ({ memoId }) => memos.delete(memoId),
    'memos.restore': ({ memoId }) => memos.restore(memoId),
    'memos.draftFromTags': (input) => memos.draftFromTags(input),
    'memos.exportMarkdown': ({ memoId }) => memos.exportMarkdown(memoId),
    'memos.exportWord': ({ memoId }) => memos.exportWord(memoId),
    'memos.exportObsidian': ({ memoId }) => memos.exportObsidian(memoId),
    'citations.resolve': ({ highlightIds }) => memos.resolveCitations(highlightIds),
  };
}
