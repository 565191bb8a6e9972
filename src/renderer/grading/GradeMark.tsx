import { CREDIBILITY_LABELS, RELIABILITY_LABELS, gradeMark, type Credibility, type Reliability } from '../../core/model/grades';

interface GradeMarkProps {
  readonly reliability: Reliability | null | undefined;
  readonly credibility: Credibility | null | undefined;
}

/** The compact Admiralty mark, "B2", spelled out for a screen reader and on hover; nothing when ungraded. */
export function GradeMark({ reliability, credibility }: GradeMarkProps) {
  const mark = gradeMark(reliability, credibility);
  if (mark === null) return null;
  const source = reliability == null ? 'source not graded' : `source ${RELIABILITY_LABELS[reliability]}`;
  const information = credibility == null ? 'information not graded' : `information ${CREDIBILITY_LABELS[credibility]}`;
  const spelled = `Grade ${mark}: ${source}; ${information}`;
  // The title shows the meaning on hover; the hidden text reads it out (aria-label is not for an abbr).
  return (
    <span className="grade-mark" title={spelled}>
      <span aria-hidden="true">{mark}</span>
      <span className="visually-hidden">{spelled}</span>
    </span>
  );
}
