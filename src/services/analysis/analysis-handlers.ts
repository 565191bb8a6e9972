import type { ApiHandlers } from '../dispatch';
import type { AnalysisService } from './analysis-service';
import type { RelationService } from './relation-service';

type AnalysisMethod = Extract<keyof ApiHandlers, `analysis.${string}` | `relations.${string}`>;

export interface AnalysisHandlerParts {
  readonly analysis: AnalysisService;
  readonly relations: RelationService;
}

/** The evidence matrix, co-occurrence and link chart methods, and the relations drawn on the chart. */
export function createAnalysisHandlers({ analysis, relations }: AnalysisHandlerParts): Pick<ApiHandlers, AnalysisMethod> {
  return {
    'analysis.evidenceMatrix': (input) => analysis.evidenceMatrix(input),
    'analysis.cooccurrence': (input) => analysis.cooccurrence(input),
    'analysis.linkChart': () => analysis.linkChart(),
    'analysis.exportCsv': (input) => analysis.exportCsv(input),
    'analysis.matrixToMemo': (input) => analysis.matrixToMemo(input),
    'relations.list': async () => relations.list(),
    'relations.create': (input) => relations.create({ ...input, note: input.note ?? '' }),
    'relations.update': ({ relationId, ...change }) => relations.update(relationId, change),
    'relations.delete': ({ relationId }) => relations.delete(relationId),
  };
}
