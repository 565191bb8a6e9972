/**
 * Nominal typing for numbers and strings that are easy to confuse (an offset into the canonical
 * text vs. an offset into a DOM text node; a highlight id vs. a tag id).
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };
