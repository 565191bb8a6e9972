import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../src/shared/api-contract';

const docs = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
/** Each method is documented under a heading of its own: "### `highlights.create`". */
const documented = [...docs.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);

describe('docs/api.md', () => {
  it('documents every method of the contract', () => {
    expect(apiMethods.filter((method) => !documented.includes(method))).toEqual([]);
  });

  it('documents no method the contract does not have, and none twice', () => {
    expect(documented.filter((method) => !(apiMethods as readonly string[]).includes(method ?? ''))).toEqual([]);
    expect(documented.filter((method, i) => documented.indexOf(method) !== i)).toEqual([]);
  });

  it('gives each method its input, result, errors and an example', () => {
    const sections = docs.split(/^### /m).filter((section) => section.startsWith('`'));
    expect(sections).toHaveLength(documented.length);
    const incomplete = sections
      .filter((section) => !['- **Input**', '- **Result**', '- **Errors**', '```json'].every((part) => section.includes(part)))
      .map((section) => section.split('\n')[0]);
    expect(incomplete).toEqual([]);
  });
});
