import { useId } from 'react';
import type { Stance } from '../../core/model/highlight';

export const STANCES: readonly Stance[] = ['supports', 'contradicts', 'context'];

interface StanceChoiceProps {
  /** The recommendation the stance is on. */
  readonly tagName: string;
  readonly stance: Stance;
  readonly onChange: (stance: Stance) => void;
}

/** Where a passage stands on a recommendation: supports it, contradicts it, or gives context. */
export function StanceChoice({ tagName, stance, onChange }: StanceChoiceProps) {
  const name = useId();
  return (
    <div className="stance-choice" role="radiogroup" aria-label={`Stance on ${tagName}`}>
      <span className="stance-label" aria-hidden="true">
        Stance on <strong>{tagName}</strong>
      </span>
      <span className="stance-options">
        {STANCES.map((s) => (
          <label key={s} className="stance-option" data-stance={s}>
            <input type="radio" name={name} value={s} checked={stance === s} onChange={() => onChange(s)} />
            {s}
          </label>
        ))}
      </span>
    </div>
  );
}
