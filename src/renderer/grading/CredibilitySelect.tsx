import { CREDIBILITIES, CREDIBILITY_LABELS, isCredibility, type Credibility } from '../../core/model/grades';

interface CredibilitySelectProps {
  readonly value: Credibility | null;
  readonly onChange: (credibility: Credibility | null) => void;
  /** Describes which passage is graded, for a screen reader among many cards. */
  readonly describedBy?: string;
  /** Focus the select when it appears (opened from a card's Grade button). */
  readonly autoFocus?: boolean;
  /** Focus left the select: the card folds it away again. */
  readonly onBlur?: () => void;
}

/** "Credibility": the Admiralty information grade 1–6, or "Not graded". */
export function CredibilitySelect({ value, onChange, describedBy, autoFocus = false, onBlur }: CredibilitySelectProps) {
  return (
    <label className="credibility-select">
      <span>Credibility</span>
      <select
        value={value ?? ''}
        aria-describedby={describedBy}
        autoFocus={autoFocus}
        onBlur={onBlur}
        onChange={(event) => {
          const chosen = Number(event.target.value);
          onChange(event.target.value !== '' && isCredibility(chosen) ? chosen : null);
        }}
      >
        <option value="">Not graded</option>
        {CREDIBILITIES.map((c) => (
          <option key={c} value={c}>
            {CREDIBILITY_LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
