import { describe, expect, it } from 'vitest';
import { snapToGraphemes } from './grapheme-bounds';

describe('snapToGraphemes', () => {
  it('leaves offsets that already fall between characters alone', () => {
    expect(snapToGraphemes('Kabul and Herat', 0, 5)).toEqual({ start: 0, end: 5 });
    expect(snapToGraphemes('Kabul and Herat', 6, 15)).toEqual({ start: 6, end: 15 });
  });

  it('widens an offset that splits a letter from its combining mark', () => {
    const text = 'Ka\u0301bul province'; // "Kábul" written with a combining acute accent
    expect(snapToGraphemes(text, 0, 2)).toEqual({ start: 0, end: 3 });
    expect(snapToGraphemes(text, 3, 6)).toEqual({ start: 3, end: 6 });
    expect(snapToGraphemes(text, 2, 6)).toEqual({ start: 1, end: 6 });
  });

  it('keeps a flag, an emoji with a skin tone and a surrogate pair whole', () => {
    const text = 'AF 🇦🇫 ok 👍🏽 go 𝒳!';
    const flag = text.indexOf('🇦🇫');
    expect(snapToGraphemes(text, flag + 2, flag + 3)).toEqual({ start: flag, end: flag + 4 });
    const thumb = text.indexOf('👍🏽');
    expect(snapToGraphemes(text, thumb, thumb + 2)).toEqual({ start: thumb, end: thumb + 4 });
    const script = text.indexOf('𝒳');
    expect(snapToGraphemes(text, script + 1, script + 2)).toEqual({ start: script, end: script + 2 });
  });

  it('treats a CR LF line end as one character', () => {
    expect(snapToGraphemes('one\r\ntwo', 4, 7)).toEqual({ start: 3, end: 7 });
  });
});
