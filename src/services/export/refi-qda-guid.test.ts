import { describe, expect, it } from 'vitest';
import { refiQdaGuid } from './refi-qda-guid';

describe('refiQdaGuid', () => {
  it('gives each key its own version 5 GUID, the same on every call', () => {
    const guid = refiQdaGuid('tag:group:taliban');
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(refiQdaGuid('tag:group:taliban')).toBe(guid);
    expect(refiQdaGuid('tag:group:ttp')).not.toBe(guid);
    expect(refiQdaGuid('tag:group:taliban 🙂')).not.toBe(guid);
  });
});
