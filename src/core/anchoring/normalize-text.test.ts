import { describe, expect, it } from 'vitest';
import { foldText, foldWithMap, toFoldedOffset, toRawRange } from './normalize-text';

describe('foldText', () => {
  it('collapses every run of whitespace, line breaks and no-break spaces to one space', () => {
    expect(foldText('a \t\n\n b\u00a0\u00a0c\u2009d\u3000e')).toBe('a b c d e');
  });

  it('makes curly quotes and apostrophes straight', () => {
    expect(foldText('‘Taliban’s’ “rule” „x‟ «y» ′ ″ ʼ')).toBe('\'Taliban\'s\' "rule" "x" "y" \' " \'');
  });

  it('makes every dash and minus a hyphen-minus', () => {
    expect(foldText('a‐b‑c‒d–e—f―g−h')).toBe('a-b-c-d-e-f-g-h');
  });

  it('drops invisible units but keeps the joiners that spell Persian and Pashto', () => {
    expect(foldText('in\u00adter\u200bna\u2060tion\ufeffal')).toBe('international');
    expect(foldText('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('treats an invisible unit inside a whitespace run as part of the run', () => {
    expect(foldText('a \u200b b')).toBe('a b');
  });

  it('keeps case, letters, digits and other punctuation', () => {
    expect(foldText('Al Qaeda (AQIS), 2024: “ISKP”!')).toBe('Al Qaeda (AQIS), 2024: "ISKP"!');
  });

  it('returns text that needs no folding unchanged', () => {
    const plain = 'The Taliban took Kabul in August 2021.';
    expect(foldText(plain)).toBe(plain);
  });

  it('folds short strings exactly as it folds whole texts', () => {
    const samples = ['a  b', ' lead', 'trail\n', '\n\n', '— “x” —', 'x\u00a0\n\ty', 'plain words', '🌐 emoji – dash'];
    for (const s of samples) expect(foldText(s)).toBe(foldWithMap(s).text);
  });
});

describe('foldWithMap', () => {
  it('maps each folded unit back to the raw units it came from', () => {
    const raw = 'He said:\n\n“Go—now.”\u00a0 Done';
    const folded = foldWithMap(raw);
    expect(folded.text).toBe('He said: "Go-now." Done');
    for (let i = 0; i < folded.text.length; i++) {
      const from = raw.slice(folded.rawStart[i], folded.rawEnd[i]);
      expect(foldText(from)).toBe(folded.text[i]);
    }
  });

  it('maps a collapsed whitespace run to the whole run', () => {
    const folded = foldWithMap('a \n\n b');
    expect(folded.text).toBe('a b');
    expect(toRawRange(folded, 1, 2)).toEqual({ start: 1, end: 5 });
  });

  it('converts ranges in both directions', () => {
    const raw = 'one  two\nthree';
    const folded = foldWithMap(raw);
    const at = folded.text.indexOf('two three');
    expect(toRawRange(folded, at, at + 'two three'.length)).toEqual({ start: 5, end: raw.length });
    expect(toFoldedOffset(folded, 5)).toBe(at);
    expect(toFoldedOffset(folded, raw.length)).toBe(folded.text.length);
  });

  it('keeps surrogate pairs whole', () => {
    const folded = foldWithMap('a 🌐 b');
    expect(folded.text).toBe('a 🌐 b');
    expect(folded.rawStart.length).toBe(6);
  });
});
