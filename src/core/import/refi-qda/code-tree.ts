import type { RefiCode } from './refi-project';

/** What one tag is made from: the codes that share its place in the tree (the same path, written twice). */
export interface PlannedTag {
  readonly name: string;
  /** `#rrggbb`, or null to let Notebook choose. */
  readonly color: string | null;
  readonly description: string;
  readonly codeGuids: readonly string[];
}

export interface PlannedFamily {
  readonly name: string;
  readonly tags: readonly PlannedTag[];
}

/** Longest tag or family name Notebook keeps (the API's name limit). */
export const MAX_NAME = 120;
export const PATH_SEPARATOR = ' › ';

const shorten = (name: string): string => (name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 1).trimEnd()}…`);
/** Names differing only in case are one name, as Notebook's families and tags compare them. */
const key = (name: string): string => name.toLocaleLowerCase('en-US');
const named = (code: RefiCode): string => (code.name === '' ? 'Unnamed code' : code.name);

/**
 * The schema's `#RRGGBB`, or what tools write instead: `#RGB`, `#RRGGBBAA` (alpha dropped), no `#`.
 * Anything else (a colour name, a number) is null: Notebook gives the tag one of its own colours.
 */
export function refiColor(value: string | null): string | null {
  const hex = value?.trim().replace(/^#/, '').toLowerCase() ?? '';
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((digit) => digit + digit).join('')}`;
  if (/^[0-9a-f]{6}(?:[0-9a-f]{2})?$/.test(hex)) return `#${hex.slice(0, 6)}`;
  return null;
}

/**
 * The code tree as tag families: one family per top-level code, its descendants flattened into
 * tags named by their path below it ("Taliban › Haqqani network"). A top-level code is also a tag
 * of its family when something is coded with it, or when it is codable and has no children (else a
 * codebook of flat codes would give empty families; an empty family, exported as a code that cannot
 * be coded, comes back empty). Codes of the same name at the same place become one.
 */
export function planCodeTree(codes: readonly RefiCode[], coded: ReadonlySet<string>): PlannedFamily[] {
  const families = new Map<string, { name: string; tags: Map<string, { name: string; color: string | null; description: string; codeGuids: string[] }> }>();
  for (const top of codes) {
    const familyName = shorten(named(top));
    const family = families.get(key(familyName)) ?? { name: familyName, tags: new Map() };
    families.set(key(familyName), family);
    const addTag = (code: RefiCode, path: string): void => {
      const name = shorten(path);
      const tag = family.tags.get(key(name));
      if (tag === undefined) {
        family.tags.set(key(name), { name, color: refiColor(code.color), description: code.description, codeGuids: [code.guid] });
      } else {
        tag.codeGuids.push(code.guid);
        tag.color ??= refiColor(code.color);
        if (tag.description === '') tag.description = code.description;
      }
    };
    if (coded.has(top.guid) || (top.children.length === 0 && top.isCodable)) addTag(top, familyName);
    const walk = (children: readonly RefiCode[], prefix: string): void => {
      for (const code of children) {
        const path = prefix === '' ? named(code) : `${prefix}${PATH_SEPARATOR}${named(code)}`;
        addTag(code, path);
        walk(code.children, path);
      }
    };
    walk(top.children, '');
  }
  return [...families.values()].map((family) => ({ name: family.name, tags: [...family.tags.values()] }));
}
