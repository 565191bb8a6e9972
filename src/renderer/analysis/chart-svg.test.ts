import { describe, expect, it } from 'vitest';
import { chartSvg } from './chart-svg';

const colors = { ink: '#111111', paper: '#ffffff', line: '#555555' };

describe('chartSvg', () => {
  const svg = chartSvg(
    [
      { id: 'a', label: 'Taliban', x: 0, y: 0, size: 20, color: '#b7852a' },
      { id: 'b', label: 'Al <Qaeda> & "co"', x: 100, y: 0, size: 40, color: '#db192f' },
    ],
    [
      { from: 'a', to: 'b', label: 'hosts', directed: true, dashed: false },
      { from: 'a', to: 'b', label: '2', directed: false, dashed: true },
      { from: 'a', to: 'gone', label: 'never drawn', directed: false, dashed: false },
    ],
    colors,
  );

  it('frames every node with a margin', () => {
    // x from −10 to 120, y from −20 to 20 + 16 for the label, 40 of margin around.
    expect(svg).toContain('viewBox="-50 -60 210 136"');
  });

  it('draws edges to the rim of their target, arrows on directed ones, and escapes labels', () => {
    expect(svg).toContain('<line x1="0" y1="0" x2="80" y2="0" stroke="#555555" stroke-width="1.5" marker-end="url(#arrow)"/>');
    expect(svg).toContain('<line x1="0" y1="0" x2="80" y2="0" stroke="#555555" stroke-width="1.5" stroke-dasharray="5 4"/>');
    expect(svg).toContain('<text x="50" y="-4" text-anchor="middle" fill="#111111">hosts</text>');
    expect(svg).toContain('<circle cx="100" cy="0" r="20" fill="#db192f"/>');
    expect(svg).toContain('>Al &lt;Qaeda&gt; &amp; &quot;co&quot;</text>');
    expect(svg).not.toContain('never drawn');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
