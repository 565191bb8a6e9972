/** The three sizes of library and notebook every scaled measurement is taken at. */
export interface Scale {
  readonly key: 'bundled' | 'medium' | 'large';
  readonly label: string;
  /** Sources in the library: the five bundled ones, then generated ones. */
  readonly sources: number;
  /** Size of the library's source files, in millions of bytes (null: just the bundled files). */
  readonly megabytes: number | null;
  /** Highlights in the notebook. */
  readonly highlights: number;
}

export const SCALES: readonly Scale[] = [
  { key: 'bundled', label: '5 bundled sources, 100 highlights', sources: 5, megabytes: null, highlights: 100 },
  { key: 'medium', label: '200 sources / 20 MB, 5,000 highlights', sources: 200, megabytes: 20, highlights: 5_000 },
  { key: 'large', label: '1,000 sources / 100 MB, 50,000 highlights', sources: 1_000, megabytes: 100, highlights: 50_000 },
];
