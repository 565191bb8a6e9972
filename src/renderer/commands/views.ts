import { hashFor, type AppLocation } from '../app/location-hash';

export interface ViewEntry {
  readonly view: AppLocation['view'];
  readonly label: string;
  readonly hash: string;
  /** What the view is for, in the Help view. */
  readonly purpose: string;
}

/** The notebook's views across sources, in the order the sidebar lists them; the palette opens each too. */
export const VIEWS: readonly ViewEntry[] = [
  { view: 'tag', label: 'Tag view', hash: hashFor({ view: 'tag', tagId: null }), purpose: 'Every passage with one tag, across sources.' },
  { view: 'mentions', label: 'Mentions', hash: hashFor({ view: 'mentions', tagId: null }), purpose: 'Passages that name a group but are not tagged to it.' },
  { view: 'problems', label: 'Needs attention', hash: hashFor({ view: 'problems' }), purpose: 'Highlights to review or re-place after a source changed.' },
  { view: 'tags', label: 'Manage tags', hash: hashFor({ view: 'tags' }), purpose: 'The tag families and tags: rename, merge, delete.' },
  { view: 'matrix', label: 'Evidence matrix', hash: hashFor({ view: 'matrix' }), purpose: 'Tags against sources, each cell opening its passages.' },
  { view: 'cooccurrence', label: 'Co-occurrence', hash: hashFor({ view: 'cooccurrence' }), purpose: 'Tags that occur together on passages.' },
  { view: 'ach', label: 'Competing hypotheses', hash: hashFor({ view: 'ach', boardId: null }), purpose: 'Boards weighing evidence against hypotheses.' },
  { view: 'links', label: 'Link chart', hash: hashFor({ view: 'links' }), purpose: 'The groups and how the sources link them.' },
  { view: 'help', label: 'Help', hash: hashFor({ view: 'help' }), purpose: 'This page: the keys, and what each view is for.' },
];
