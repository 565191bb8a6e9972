import { describe, expect, it } from 'vitest';
import { describeLocation } from './describe-location';

const TITLE = 'What Happened to the Taliban’s Pledge to Fight Terrorism?';

describe('describeLocation', () => {
  it('names the section and the paragraph in it', () => {
    expect(describeLocation({ heading: 'Recommendations', paragraph: 2 }, TITLE)).toBe('Recommendations, ¶ 2');
  });

  it('gives the paragraph alone before any heading, and says when the passage is the heading', () => {
    expect(describeLocation({ heading: null, paragraph: 3 }, TITLE)).toBe('¶ 3');
    expect(describeLocation({ heading: 'Conclusion', paragraph: 0 }, TITLE)).toBe('Conclusion (the heading)');
  });

  it('drops the colon of a heading that leads into a list', () => {
    expect(describeLocation({ heading: 'Our findings provide insights into:', paragraph: 2 }, TITLE)).toBe('Our findings provide insights into, ¶ 2');
  });

  it('leaves out a heading that is the source’s title, which the citation already names', () => {
    expect(describeLocation({ heading: `${TITLE} – Foreign Policy`, paragraph: 5 }, TITLE)).toBe('¶ 5');
    expect(describeLocation({ heading: TITLE, paragraph: 0 }, TITLE)).toBe('the title');
  });

  it('gives the printed pages of a paginated source in place of the paragraph', () => {
    expect(describeLocation({ heading: 'Introduction', paragraph: 4, pages: 'p. 12' }, TITLE)).toBe('Introduction, p. 12');
    expect(describeLocation({ heading: null, paragraph: 3, pages: 'pp. 12–13' }, TITLE)).toBe('pp. 12–13');
    expect(describeLocation({ heading: TITLE, paragraph: 2, pages: 'p. xii' }, TITLE)).toBe('p. xii');
  });

  it('still says when a passage of a paginated source is a heading or the title, with its page', () => {
    expect(describeLocation({ heading: 'Conclusion', paragraph: 0, pages: 'p. 40' }, TITLE)).toBe('Conclusion (the heading), p. 40');
    expect(describeLocation({ heading: TITLE, paragraph: 0, pages: 'p. 1' }, TITLE)).toBe('the title, p. 1');
  });
});
