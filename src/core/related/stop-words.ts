/**
 * English function words: they say how a sentence is built, not what it is about, so two passages
 * sharing "has" or "under" are no more alike than two that do not. Inverse document frequency
 * alone does not silence them in a small library (a few hundred passages, where "under" is in one
 * passage of fifty and weighs as much as "reviving"), so they are left out of the comparison.
 * Folded forms, as the tokenizer writes terms (lower case, no accents, apostrophes kept inside).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    'a an the and or but nor so yet if then than that this these those there here',
    'of in on at by for from to into onto upon with within without about above below under over',
    'after before during since until while through throughout between among against toward towards',
    'across along around behind beyond near off out up down via per',
    'is are was were be been being am has have had having do does did doing done',
    'will would shall should can could may might must ought',
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs',
    'who whom whose which what when where why how whether',
    'not no nor only also too very just even still already again ever never',
    'all any both each either every few many more most much neither none other others some such',
    'own same one ones as because although though however thus therefore',
    'said says say according',
    "it's its' don't doesn't didn't isn't aren't wasn't weren't won't can't i'm we're they're he's she's",
  ]
    .join(' ')
    .split(' '),
);
