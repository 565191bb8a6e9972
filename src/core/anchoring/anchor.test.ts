import { describe, expect, it } from 'vitest';
import { anchorAll, anchorHighlight, type AnchorTarget } from './anchor';
import { MARGIN } from './anchor-policy';
import { describeRange } from './describe-range';

/** The target of the `occurrence`-th copy of `quote` in `text`. */
function target(text: string, quote: string, occurrence = 0): AnchorTarget {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  const described = describeRange(text, at, at + quote.length);
  if (!described.ok) throw new Error(described.error.message);
  return described.value;
}

const slice = (text: string, range: { start: number; end: number } | undefined): string | undefined =>
  range && text.slice(range.start, range.end);

describe('the margin rule', () => {
  const block = (q: string): string => `The committee heard the evidence. ${q} The hearing then moved to other matters.\n`;
  const quote = 'Several armed groups have found shelter in the eastern provinces since 2021.';
  const edited = 'Several armed groups have found refuge in the eastern provinces since 2021.';
  const old = `Minutes.\n${block(quote)}Annex.\n`;
  const preface = `${'Preface. '.repeat(40)}\n`;

  it('sends two equally good edited matches, neither where the passage was, to a person', () => {
    const now = `${preface}Minutes.\n${block(edited)}${block(edited)}Annex.\n`;
    const result = anchorHighlight(now, target(old, quote));
    expect(result.status).toBe('review');
    expect(slice(now, result.range)).toBe(edited);
    expect(slice(now, result.runnerUp?.range)).toBe(edited);
    expect(result.score - (result.runnerUp?.score ?? 0)).toBeLessThan(MARGIN);
  });

  it('takes, of two equally good edited matches, the one where the passage was', () => {
    const now = `Minutes.\n${block(edited)}${block(edited)}Annex.\n`;
    const result = anchorHighlight(now, target(old, quote));
    expect(result).toMatchObject({ status: 'fuzzy', range: { start: now.indexOf(edited) } });
  });

  it('takes an edited match that clearly beats its runner-up, wherever it is', () => {
    const elsewhere = `Other business came first. ${edited} Nobody objected to it at all.\n`;
    const now = `${preface}Minutes.\n${block(edited)}${elsewhere}Annex.\n`;
    const result = anchorHighlight(now, target(old, quote));
    expect(result.status).toBe('fuzzy');
    expect(result.range?.start).toBe(now.indexOf(edited));
    expect(result.runnerUp).toBeUndefined();
  });
});

describe('look-alikes', () => {
  it('never moves a highlight to a similar passage whose surroundings differ', () => {
    const old = 'Report. In 2022 the Taliban hosted al-Qaeda leaders in a guest house in central Kabul. Aid agencies reported new restrictions on women. In 2023 the Taliban hosted TTP leaders in a guest house in eastern Kunar. The border remained tense.';
    const now = old.replace('In 2022 the Taliban hosted al-Qaeda leaders in a guest house in central Kabul. ', '');
    const result = anchorHighlight(now, target(old, 'In 2022 the Taliban hosted al-Qaeda leaders in a guest house in central Kabul.'));
    expect(result.status).toBe('review');
    expect(slice(now, result.range)).toBe('In 2023 the Taliban hosted TTP leaders in a guest house in eastern Kunar.');
    expect(result.reason).toMatch(/text around it differs/);
  });

  it('prefers the original, lightly corrected, to a verbatim copy of it elsewhere', () => {
    // Repeated citations: note 64 repeats note 61 word for word; note 61 then gets "al-Qaeda".
    const notes = (n61: string): string =>
      `Notes\n- 60 Washington Post.\n- 61 ${n61}, 12.\n- 62 Interview, August 2024.\n- 63 Washington Post.\n- 64 Amiri and Jackson, “Taliban Narratives on Al Qaeda in Afghanistan,” 12–13.\n- 65 Interview.\n`;
    const quote = 'Amiri and Jackson, “Taliban Narratives on Al Qaeda in Afghanistan,”';
    const old = notes(quote);
    const now = `Preface.\n${notes('Amiri and Jackson, “Taliban Narratives on al-Qaeda in Afghanistan,”')}`;
    const result = anchorHighlight(now, target(old, quote));
    expect(result.status).toBe('fuzzy');
    expect(result.range?.start).toBe(now.indexOf('Amiri'));
  });

  it('prefers the original, verbatim, to a copy differing only in spacing with better-kept context', () => {
    const sentence = (gap: string): string => `The authors are responsible for the content of this report, as they reflect their personal views.${gap}Andiana Foundation is not liable for the content`;
    const old = `${sentence('  \n')}.\n\nAll rights reserved. ${sentence(' ')},\n\n© 2025`;
    const quote = 'nt of this report, as they reflect their personal views. Andiana Foundatio';
    const now = `Second edition.\n${old.replace('reserved. The authors are responsible for', 'reserved. The authors are responsible in 2024 for')}`;
    const result = anchorHighlight(now, target(old, quote));
    expect(result.status).toBe('exact');
    expect(result.range?.start).toBe(now.indexOf(quote));
  });
});

describe('short quotes', () => {
  it('are never matched approximately, even in place', () => {
    const old = 'The report names several armed groups operating in the east of the country.';
    const now = old.replace('armed groups', 'armed group');
    const result = anchorHighlight(now, target(old, 'armed groups'));
    expect(result.status).toBe('orphan');
    expect(result.reason).toMatch(/too short/);
  });

  it('are not trusted at their recorded place when everything around them changed', () => {
    const old = 'The council met in Doha. armed groups were discussed at length by the envoys.';
    const at = old.indexOf('armed groups');
    const now = `${'Z'.repeat(at - 1)} armed groups ${'Y'.repeat(40)}`;
    expect(now.indexOf('armed groups')).toBe(at);
    const result = anchorHighlight(now, target(old, 'armed groups'));
    expect(result.status).toBe('orphan');
    expect(result.reason).toMatch(/unrelated text/);
  });

  it('follow their context when it agrees', () => {
    const old = 'The council met in Doha. Armed groups were discussed at length by the envoys.';
    const now = `Agenda item four. ${old}`;
    const result = anchorHighlight(now, target(old, 'Armed groups'));
    expect(result).toMatchObject({ status: 'exact', score: 1 });
    expect(result.range?.start).toBe(now.indexOf('Armed groups'));
  });
});

describe('copies with the same context', () => {
  const block = 'Session two. The participants compared field reports. Analysts disagree about how much control the movement has over its allies. The rest dealt with sanctions. ';
  const quote = 'Analysts disagree about how much control the movement has over its allies.';
  const old = `Minutes of the March workshop held in Doha. ${block}Session three covered humanitarian access.`;
  const now = `Minutes of the March workshop held in Doha. ${block}${block}Session three covered humanitarian access.`.replace('Minutes of', 'Revised minutes of');

  it('are told apart by distance from where the passage is expected', () => {
    const first = now.indexOf(quote);
    const second = now.indexOf(quote, first + 1);
    expect(anchorHighlight(now, target(old, quote)).range?.start).toBe(first);
    expect(anchorHighlight(now, target(old, quote), { expectedStart: second - 3 }).range?.start).toBe(second);
  });

  it('take their expected place from neighbours when anchored together', () => {
    // 500 characters are added at the top and a copy of the block is pasted in front of it. Alone,
    // the quote goes to the copy nearest its old offset: the pasted one. Anchored with the
    // highlight just after the block, which moved by 500 + the block's length, it is expected to
    // have moved likewise, and stays with the block that still precedes that text.
    const neighbour = 'The third session was cancelled for lack of time.';
    const oldText = `Opening remarks. ${block}${neighbour} Closing remarks.`;
    const newText = `${'Preface. '.repeat(55)}xxxxxOpening remarks. ${block}${block}${neighbour} Closing remarks.`;
    const targets = [target(oldText, quote), target(oldText, neighbour)];
    const pasted = newText.indexOf(quote);
    const kept = newText.indexOf(quote, pasted + 1);
    expect(anchorHighlight(newText, targets[0] as AnchorTarget).range?.start).toBe(pasted);
    const [quoteResult, neighbourResult] = anchorAll(newText, targets);
    expect(neighbourResult?.range?.start).toBe(oldText.indexOf(neighbour) + 500 + block.length);
    expect(quoteResult).toMatchObject({ status: 'exact', range: { start: kept, end: kept + quote.length } });
  });
});

describe('anchorHighlight and anchorAll', () => {
  it('anchor a quote that is the whole text, with no context', () => {
    const old = 'Only this sentence about armed groups in the provinces.';
    expect(anchorHighlight(old, target(old, old))).toMatchObject({ status: 'exact', score: 1 });
    const edited = 'Only this sentence about the armed groups in the provinces.';
    expect(anchorHighlight(edited, target(old, old))).toMatchObject({ status: 'fuzzy', range: { start: 0, end: edited.length } });
  });

  it('give an orphan no range and no score, with a reason for the person', () => {
    const old = 'A sentence that will be deleted from the text entirely, leaving nothing.';
    const result = anchorHighlight('Something else altogether, with no such words in it at all now.', target(old, old));
    expect(result).toEqual({ status: 'orphan', score: 0, reason: expect.stringMatching(/select the passage again/) });
  });

  it('return one result per target, in order', () => {
    const text = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.';
    const targets = [target(text, 'iota kappa lambda'), target(text, 'Alpha beta gamma')];
    expect(anchorAll(text, targets).map((r) => slice(text, r.range))).toEqual(['iota kappa lambda', 'Alpha beta gamma']);
    expect(anchorAll(text, [])).toEqual([]);
  });
});
