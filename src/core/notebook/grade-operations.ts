import type { Credibility } from '../model/grades';
import type { GradeChange, Highlight } from '../model/highlight';
import type { HighlightId } from '../model/ids';

/** What a person asked to change of a highlight's grading; undefined leaves that part as it is. */
export interface GradingRequest {
  /** null: no longer graded. */
  readonly credibility?: Credibility | null | undefined;
  /** Already checked to name other, existing highlights; [] removes every corroboration. */
  readonly corroboratedBy?: readonly HighlightId[] | undefined;
}

export interface Regraded {
  /** The highlight with its grading (and audit trail) changed; `before` itself when nothing changed. */
  readonly highlight: Highlight;
  readonly changed: readonly GradeChange['field'][];
}

const sameIds = (a: readonly HighlightId[], b: readonly HighlightId[]): boolean => {
  const inA = new Set(a);
  return inA.size === new Set(b).size && b.every((id) => inA.has(id));
};

/**
 * Applies a grading request to a highlight, appending who changed what to its history. An absent
 * grade is stored as an absent property (never null or []), so an ungraded highlight stays
 * byte-for-byte what it was before grading existed.
 */
export function regrade(before: Highlight, request: GradingRequest, stamp: { readonly at: string; readonly by: string }): Regraded {
  const entries: GradeChange[] = [];
  const { credibility: _credibility, corroboratedBy: _corroboratedBy, ...rest } = before;
  let credibility = before.credibility ?? null;
  let corroboratedBy = before.corroboratedBy ?? [];
  if (request.credibility !== undefined && request.credibility !== credibility) {
    entries.push({ ...stamp, field: 'credibility', from: credibility, to: request.credibility });
    credibility = request.credibility;
  }
  if (request.corroboratedBy !== undefined) {
    const wanted = [...new Set(request.corroboratedBy)];
    if (!sameIds(wanted, corroboratedBy)) {
      entries.push({ ...stamp, field: 'corroboratedBy', from: corroboratedBy, to: wanted });
      corroboratedBy = wanted;
    }
  }
  if (entries.length === 0) return { highlight: before, changed: [] };
  const highlight: Highlight = {
    ...rest,
    ...(credibility === null ? {} : { credibility }),
    ...(corroboratedBy.length === 0 ? {} : { corroboratedBy }),
    history: [...(before.history ?? []), ...entries],
  };
  return { highlight, changed: entries.map((e) => e.field) };
}

/** The Undo/Redo label of a grading change: "Grade highlight 2", "Clear highlight grade", "Change corroboration". */
export function gradingLabel(regraded: Regraded): string {
  if (regraded.changed.length !== 1) return 'Grade highlight';
  if (regraded.changed[0] === 'corroboratedBy') return 'Change corroboration';
  const credibility = regraded.highlight.credibility;
  return credibility === undefined ? 'Clear highlight grade' : `Grade highlight ${credibility}`;
}
