import { isCredibility, type Credibility } from '../../core/model/grades';

/** The parts of a keyboard event that decide whether it grades. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** The digit must follow G within this long, as the second key of a chord. */
const CHORD_MS = 1500;

/**
 * G then a digit 1–6 grades the focused highlight's credibility. A chord rather than the digit
 * alone, so that a stray digit never grades a passage; this keeps whether G was just pressed.
 */
export class GradeChord {
  #pendingSince: number | null = null;

  /** The credibility a press completes, 'pending' after G (the caller should swallow it), or null. */
  press(press: KeyPress, now: number): Credibility | 'pending' | null {
    if (press.ctrlKey || press.metaKey || press.altKey) {
      this.#pendingSince = null;
      return null;
    }
    const pending = this.#pendingSince !== null && now - this.#pendingSince <= CHORD_MS;
    this.#pendingSince = null;
    if (press.key === 'g' || press.key === 'G') {
      this.#pendingSince = now;
      return 'pending';
    }
    const digit = Number(press.key);
    return pending && press.key.length === 1 && isCredibility(digit) ? digit : null;
  }
}
