import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_SIDEBAR_WIDTH, MIN_SIDEBAR_WIDTH, readSettings, shownTheme, sidebarWidthForKey, steppedTextSize } from './workspace-settings';

describe('readSettings', () => {
  it('gives the defaults for nothing stored, or something that is not settings', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('dark')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps each good value and replaces each bad one with its default', () => {
    const read = readSettings({ theme: 'dark', textSize: 19, lineWidth: 'wide', typeface: 'comic', sidebar: { collapsed: true, width: 9000 } });
    expect(read).toEqual({ theme: 'dark', textSize: DEFAULT_SETTINGS.textSize, lineWidth: 'wide', typeface: 'serif', sidebar: { collapsed: true, width: MAX_SIDEBAR_WIDTH } });
  });

  it('does not take inherited names for choices', () => {
    expect(readSettings({ theme: 'toString' }).theme).toBe('system');
  });
});

describe('steppedTextSize', () => {
  it('steps through the sizes and stops at the ends', () => {
    expect(steppedTextSize(18, 1)).toBe(20);
    expect(steppedTextSize(18, -1)).toBe(17);
    expect(steppedTextSize(26, 1)).toBe(26);
    expect(steppedTextSize(14, -1)).toBe(14);
  });

  it('moves a size between steps onto the next one', () => {
    expect(steppedTextSize(19, 1)).toBe(22);
    expect(steppedTextSize(19, -1)).toBe(18);
  });
});

describe('sidebarWidthForKey', () => {
  it('moves with the arrows and pages, within bounds', () => {
    expect(sidebarWidthForKey(260, 'ArrowRight')).toBe(276);
    expect(sidebarWidthForKey(260, 'ArrowLeft')).toBe(244);
    expect(sidebarWidthForKey(210, 'PageDown')).toBe(MIN_SIDEBAR_WIDTH);
    expect(sidebarWidthForKey(260, 'End')).toBe(MAX_SIDEBAR_WIDTH);
    expect(sidebarWidthForKey(260, 'Enter')).toBeNull();
  });
});

describe('shownTheme', () => {
  it('follows the system only when asked to', () => {
    expect(shownTheme('system', true)).toBe('dark');
    expect(shownTheme('system', false)).toBe('light');
    expect(shownTheme('light', true)).toBe('light');
    expect(shownTheme('dark', false)).toBe('dark');
  });
});
