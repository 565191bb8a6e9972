import type { Credibility, Reliability } from '../../core/model/grades';

/** The choices offered: the analyst's usual cut-offs, not every possible one, to keep the control small. */
export const CREDIBILITY_CHOICES: readonly { readonly max: Credibility; readonly label: string }[] = [
  { max: 2, label: '1–2' },
  { max: 3, label: '1–3' },
  { max: 4, label: '1–4' },
];
export const RELIABILITY_CHOICES: readonly { readonly min: Reliability; readonly label: string }[] = [
  { min: 'A', label: 'A' },
  { min: 'B', label: 'A–B' },
  { min: 'C', label: 'A–C' },
  { min: 'D', label: 'A–D' },
];
