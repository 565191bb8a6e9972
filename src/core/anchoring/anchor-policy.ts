/**
 * The thresholds by which anchoring decides, each with the reason for its value. Context
 * figures were measured on the bundled report (004_22ba044b9207139b.txt): the recorded 32 + 32
 * units of context of one place, compared (as quote-evidence.ts does) with the text around
 * 20,000 random unrelated places.
 */

/**
 * A candidate's score is QUOTE_WEIGHT × quote similarity + CONTEXT_WEIGHT × context agreement.
 * Equal weights: the quote says what the passage is, the context says where it is, and neither
 * may overrule the other alone. A copy of the quote in another place of the text (a repeated
 * footnote, a pull quote) must not beat the original passage after a small correction to it.
 */
export const QUOTE_WEIGHT = 0.5;
export const CONTEXT_WEIGHT = 0.5;

/**
 * Least context agreement for which an edited passage may be taken as the original. Unrelated
 * places of the report agree at 0.22 (median), 0.34 (99th percentile) and 0.42 (99.9th), so 0.5
 * is context that survived, not chance.
 */
export const MIN_CONTEXT = 0.5;

/**
 * How much better than its runner-up a candidate must score to be taken without asking a person.
 * Between the original passage and a look-alike elsewhere, context usually decides: the original
 * keeps most of its context after ordinary edits around it (0.9 and more), while an unrelated
 * place agrees at about 0.22, some 0.3 of score apart. Two rivals within 0.1 of each other —
 * a fifth of the context, or a fifth of the quote — are not told apart by the evidence, and a
 * person decides ('review').
 */
export const MARGIN = 0.1;

/**
 * Copies of the quote whose context agreements differ by less than this count as tied, and are
 * told apart by where they lie. Two places can share more than the 32 + 32 recorded units of
 * context (a reference cited twice, a boilerplate sentence), and then a word inserted beside the
 * original costs it a few hundredths (a 5-unit insertion: 0.08) against its twin; position, not
 * that difference, is the evidence.
 */
export const CONTEXT_TIE = 0.1;

/**
 * Units from the expected place within which a candidate counts as being there. Rivals that the
 * scores cannot tell apart (within MARGIN) are told apart when exactly one of them is there.
 * When anchorAll derives the expected place from a neighbour, it is off by the edits between the
 * two; 64 units (the recorded context on both sides) allows for a clause or two.
 */
export const NEAR_EXPECTED = 64;

/**
 * Largest difference between the shifts of neighbouring highlights for them to count as agreeing
 * (anchorAll). Editing between two highlights changes their shifts by the edits' size: a clause
 * or two, rarely more than 256 units; a highlight anchored on a twin passage elsewhere (a
 * repeated citation) is off by the distance between the twins, hundreds to thousands of units.
 */
export const SHIFT_AGREEMENT = 256;

/**
 * Least score for a match near the expected place to be taken without searching the rest of the
 * text. A weaker one may be a look-alike that happens to lie near while the passage itself moved
 * further (an expected place derived from neighbours that did not move with it, as when a section
 * moves), so the rest of the text is searched for a match that beats it by MARGIN.
 */
export const SETTLED_SCORE = 0.8;

/**
 * Quotes shorter than MIN_FUZZY_LENGTH folded units, or with fewer than MIN_FUZZY_WORDS words
 * and shorter than twice that, are never matched approximately, and are only taken elsewhere
 * than their recorded place when their context agrees: a few words recur throughout a text, and
 * a couple of edits turn one short phrase into another (the failure reported as Hypothesis
 * #7571, where highlights silently jumped to look-alike passages). Long runs without spaces
 * (addresses, references) are distinctive by their length alone.
 */
export const MIN_FUZZY_LENGTH = 32;
export const MIN_FUZZY_WORDS = 4;

/**
 * Edits allowed in an approximate match: a third of the quote, at most MAX_ERRORS. A clause
 * inserted by an editor (", according to several interviewees," into a 110-unit quote) is still
 * the analyst's passage; beyond a third, the passage has been rewritten rather than corrected.
 * The cap bounds the scan that recovers where a match starts (quote length + errors).
 */
export const ERROR_RATE = 1 / 3;
export const MAX_ERRORS = 256;

/** Folded units searched on each side of the expected place before searching the whole text. */
export const WINDOW_SLACK = 256;

/** Distinct approximate matches compared per search: the best few are all that can win. */
export const MAX_MATCHES = 8;
