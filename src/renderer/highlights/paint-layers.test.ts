import { describe, expect, it } from 'vitest';
import { charOffset, highlightId } from '../../core/model/ids';
import { assignLanes as lanesOf, colorLayerName, colorLayerRules, inTextOrder, layerOf, MAX_LANES, REVIEW_LAYER, type PaintItem } from './paint-layers';

const item = (id: string, start: number, end: number, color = '#F2C94C', needsReview = false): PaintItem => ({
  id: highlightId(id),
  range: { start: charOffset(start), end: charOffset(end) },
  color,
  needsReview,
});

const assignLanes = (items: PaintItem[]) => lanesOf([...items].sort(inTextOrder));

describe('assignLanes', () => {
  it('puts highlights that do not overlap in the first lane, touching ones included', () => {
    const lanes = assignLanes([item('a', 0, 10), item('b', 10, 20), item('c', 30, 40)]);
    expect([...lanes.values()]).toEqual([0, 0, 0]);
  });

  it('gives each of a stack of overlapping highlights its own lane, reusing lanes as they free up', () => {
    const lanes = assignLanes([item('inner', 5, 8), item('outer', 0, 20), item('middle', 2, 12), item('after', 13, 30)]);
    expect(Object.fromEntries(lanes)).toEqual({ outer: 0, middle: 1, inner: 2, after: 1 });
  });

  it('stops at the last lane when more overlap than there are lanes', () => {
    const many = Array.from({ length: MAX_LANES + 3 }, (_, i) => item(`h${i}`, i, 100));
    expect(Math.max(...assignLanes(many).values())).toBe(MAX_LANES - 1);
  });
});

describe('layer names and rules', () => {
  it('names a colour’s lane in lower case, capped at the last lane', () => {
    expect(colorLayerName('#F2C94C', 0)).toBe('notebook-cf2c94c-0');
    expect(colorLayerName('#f2c94c', 99)).toBe(`notebook-cf2c94c-${MAX_LANES - 1}`);
  });

  it('paints a passage needing review in the review layer, whatever its colour', () => {
    expect(layerOf(item('a', 0, 5, '#123456', true), 2)).toBe(REVIEW_LAYER);
    expect(layerOf(item('a', 0, 5, '#123456'), 2)).toBe('notebook-c123456-2');
  });

  it('writes translucent backgrounds for every lane, lighter in the light theme than in the dark one', () => {
    const [light, dark] = colorLayerRules('#1f6feb');
    for (let lane = 0; lane < MAX_LANES; lane += 1) expect(light).toContain(`::highlight(notebook-c1f6feb-${lane})`);
    expect(light).toContain('background-color: rgb(31 111 235 / 0.3)');
    expect(dark).toMatch(/^:root\[data-theme='dark'\] ::highlight\(notebook-c1f6feb-0\).*rgb\(31 111 235 \/ 0\.36\)/);
  });
});
