import type { PassageState } from './cited-passage';

/** What became of a passage that cannot be quoted from its source's current text, said in its footnote. */
export const LAST_KNOWN: Readonly<Record<Exclude<PassageState, 'live'>, string>> = {
  review: 'The source changed around this passage and its highlight awaits review; the quote is the one it had when last confirmed.',
  orphan: 'The passage is no longer found in the source’s current text; the quote is the one it last had.',
  deleted: 'This passage is no longer highlighted; the quote is the one it last had.',
  'source-removed': 'The source was removed from the library; the quote is the one it last had.',
};
