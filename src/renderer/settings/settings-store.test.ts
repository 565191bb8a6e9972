import { describe, expect, it } from 'vitest';
import { rootAttributes, SETTINGS_KEY, SettingsStore, type SettingsStorage } from './settings-store';
import { DEFAULT_SETTINGS } from './workspace-settings';

function memoryStorage(initial: Record<string, string> = {}): SettingsStorage & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('SettingsStore', () => {
  it('starts from what was stored, and from the defaults when that cannot be read', () => {
    expect(new SettingsStore(memoryStorage({ [SETTINGS_KEY]: '{"theme":"dark"}' })).snapshot().theme).toBe('dark');
    expect(new SettingsStore(memoryStorage({ [SETTINGS_KEY]: '{not json' })).snapshot()).toEqual(DEFAULT_SETTINGS);
  });

  it('remembers a change and tells its subscribers once', () => {
    const storage = memoryStorage();
    const store = new SettingsStore(storage);
    let heard = 0;
    store.subscribe(() => (heard += 1));
    store.update((s) => ({ ...s, lineWidth: 'wide' }));
    store.update((s) => ({ ...s, lineWidth: 'wide' }));
    expect(heard).toBe(1);
    expect(new SettingsStore(storage).snapshot().lineWidth).toBe('wide');
  });

  it('still applies a change the storage refuses', () => {
    const store = new SettingsStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    store.update((s) => ({ ...s, typeface: 'sans' }));
    expect(store.snapshot().typeface).toBe('sans');
  });
});

describe('rootAttributes', () => {
  it('gives the theme shown and the reader variables', () => {
    const { theme, properties } = rootAttributes({ ...DEFAULT_SETTINGS, textSize: 22, lineWidth: 'narrow', typeface: 'sans' }, true);
    expect(theme).toBe('dark');
    expect(properties).toEqual({ '--reader-text-size': '22px', '--reader-measure': '56ch', '--reader-font': 'var(--font-ui)' });
  });
});
