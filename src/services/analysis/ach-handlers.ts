import type { ApiHandlers } from '../dispatch';
import type { AchService } from './ach-service';

type AchMethod = Extract<keyof ApiHandlers, `ach.${string}`>;

/** The competing-hypotheses methods of the contract, over the ACH service. */
export function createAchHandlers(ach: AchService): Pick<ApiHandlers, AchMethod> {
  return {
    'ach.list': () => ach.list(),
    'ach.get': ({ boardId }) => ach.get(boardId),
    'ach.create': (input) => ach.create(input),
    'ach.save': (input) => ach.save(input),
    'ach.delete': ({ boardId }) => ach.delete(boardId),
    'ach.restore': ({ boardId }) => ach.restore(boardId),
    'ach.score': ({ boardId, maxCredibility }) => ach.score(boardId, maxCredibility),
    'ach.exportCsv': ({ boardId }) => ach.exportCsv(boardId),
    'ach.toMemo': ({ boardId }) => ach.toMemo(boardId),
  };
}
