import { isCredibility, isReliability } from '../../core/model/grades';
import type { GradeFilter } from '../../core/model/grade-filter';
import { CREDIBILITY_CHOICES, RELIABILITY_CHOICES } from './grade-choices';

interface GradeFilterControlsProps {
  readonly value: GradeFilter;
  readonly onChange: (filter: GradeFilter) => void;
}

/** Two compact selects: a credibility cut-off ("Credibility") and a source reliability one ("Reliability"). */
export function GradeFilterControls({ value, onChange }: GradeFilterControlsProps) {
  return (
    <span className="grade-filter">
      <label>
        <span>Credibility</span>
        <select
          value={value.maxCredibility ?? ''}
          onChange={(event) => {
            const max = Number(event.target.value);
            onChange({ ...value, maxCredibility: event.target.value !== '' && isCredibility(max) ? max : null });
          }}
        >
          <option value="">Any</option>
          {CREDIBILITY_CHOICES.map(({ max, label }) => (
            <option key={max} value={max}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Reliability</span>
        <select value={value.minReliability ?? ''} onChange={(event) => onChange({ ...value, minReliability: isReliability(event.target.value) ? event.target.value : null })}>
          <option value="">Any</option>
          {RELIABILITY_CHOICES.map(({ min, label }) => (
            <option key={min} value={min}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}
