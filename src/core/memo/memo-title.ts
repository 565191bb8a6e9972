/** What a memo with an empty title is called: in the list, in its export, in its file name. */
export const UNTITLED_MEMO = 'Untitled memo';

export const displayTitle = (title: string): string => (title.trim() === '' ? UNTITLED_MEMO : title.trim());
