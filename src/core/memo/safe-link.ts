/**
 * Link targets an exported memo may carry: web and mail addresses. Anything else a memo's link can
 * hold (javascript:, data:, file:, a relative path) would run, load or open something on the
 * reader's machine when the export is opened elsewhere, so exports keep its words as plain text.
 */
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

export const isSafeLink = (href: string): boolean => SAFE_LINK.test(href);
