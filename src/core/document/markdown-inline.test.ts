import { describe, expect, it } from 'vitest';
import type { DraftText } from './draft-block';
import { parseInline } from './markdown-inline';

/** Each mark as [kind, the text it covers, note or href]. */
function marked(result: DraftText): unknown[][] {
  return result.marks.map((mark) => {
    const covered = result.text.slice(mark.start, mark.end);
    if (mark.kind === 'link') return [mark.kind, covered, mark.href];
    if (mark.kind === 'footnoteRef') return [mark.kind, covered, mark.note];
    return [mark.kind, covered];
  });
}

describe('parseInline emphasis', () => {
  it('reads bold and italic with both delimiters', () => {
    const result = parseInline('**strong** and *soft*, __also__ and _too_');
    expect(result.text).toBe('strong and soft, also and too');
    expect(marked(result)).toEqual([
      ['bold', 'strong'],
      ['italic', 'soft'],
      ['bold', 'also'],
      ['italic', 'too'],
    ]);
  });

  it('nests emphasis, outer marks first', () => {
    const result = parseInline('**bold *and italic* inside**');
    expect(result.text).toBe('bold and italic inside');
    expect(marked(result)).toEqual([
      ['bold', 'bold and italic inside'],
      ['italic', 'and italic'],
    ]);
  });

  it('splits a triple run into bold and italic over the same text', () => {
    const result = parseInline('***both***');
    expect(result.text).toBe('both');
    expect(marked(result)).toEqual([
      ['bold', 'both'],
      ['italic', 'both'],
    ]);
  });

  it('leaves the unused part of an uneven run as text', () => {
    expect(parseInline('**a*').text).toBe('*a');
    expect(marked(parseInline('**a*'))).toEqual([['italic', 'a']]);
  });

  it('does not emphasise underscores inside words', () => {
    const result = parseInline('snake_case_name and file_2020_415_e.pdf');
    expect(result.text).toBe('snake_case_name and file_2020_415_e.pdf');
    expect(result.marks).toEqual([]);
  });

  it('emphasises with * inside a word, as CommonMark does', () => {
    expect(marked(parseInline('un*frigging*believable'))).toEqual([['italic', 'frigging']]);
  });

  it('emphasises next to quotes and before a footnote marker', () => {
    const result = parseInline('“*andiwali*”<sup>57</sup> and *mahaz*<sup>63</sup>');
    expect(result.text).toBe('“andiwali”57 and mahaz63');
    expect(marked(result)).toEqual([
      ['italic', 'andiwali'],
      ['footnoteRef', '57', 57],
      ['italic', 'mahaz'],
      ['footnoteRef', '63', 63],
    ]);
  });

  it('keeps a lone asterisk between spaces as text', () => {
    expect(parseInline('Required fields are marked * here').text).toBe('Required fields are marked * here');
  });

  it('takes the block start as the lost opener of a first closing-only **', () => {
    const result = parseInline('Enhanced Intelligence and Monitoring:** Accurate intelligence.');
    expect(result.text).toBe('Enhanced Intelligence and Monitoring: Accurate intelligence.');
    expect(marked(result)).toEqual([['bold', 'Enhanced Intelligence and Monitoring:']]);
  });

  it('does not invent an opener when something before the stray closer could have been one', () => {
    expect(parseInline('a *b* c:** d').text).toBe('a b c:** d');
  });
});

describe('parseInline footnotes and HTML', () => {
  it('turns <sup>N</sup> into the number with a footnote mark, inside bold too', () => {
    const result = parseInline('**a claim.<sup>12</sup>** Then');
    expect(result.text).toBe('a claim.12 Then');
    expect(marked(result)).toEqual([
      ['bold', 'a claim.12'],
      ['footnoteRef', '12', 12],
    ]);
  });

  it('keeps the text of a superscript that is not a note number, without its tags', () => {
    const result = parseInline('Feb 29<sup>th</sup>, 2020');
    expect(result.text).toBe('Feb 29th, 2020');
    expect(result.marks).toEqual([]);
  });

  it('reads <b>/<strong> as bold and <i>/<em> as italic, in any letter case', () => {
    expect(marked(parseInline('<b>Executive Summary</b> and <B>more</B>, <strong>s</strong> <i>i</i> <em>e</em>'))).toEqual([
      ['bold', 'Executive Summary'],
      ['bold', 'more'],
      ['bold', 's'],
      ['italic', 'i'],
      ['italic', 'e'],
    ]);
  });

  it('shows HTML it does not understand as written', () => {
    const result = parseInline('<div class="x">hello</div> <script>alert(1)</script> <b>open');
    expect(result.text).toBe('<div class="x">hello</div> <script>alert(1)</script> <b>open');
    expect(result.marks).toEqual([]);
  });
});

describe('parseInline links, escapes and entities', () => {
  it('reads links and autolinks', () => {
    const result = parseInline('See [the site](https://example.org/a_(b) "Title") or <https://example.org/x_y>.');
    expect(result.text).toBe('See the site or https://example.org/x_y.');
    expect(marked(result)).toEqual([
      ['link', 'the site', 'https://example.org/a_(b)'],
      ['link', 'https://example.org/x_y', 'https://example.org/x_y'],
    ]);
  });

  it('reads emphasis around and inside link text', () => {
    expect(marked(parseInline('**[andianafoundation.org](https://andianafoundation.org)**'))).toEqual([
      ['link', 'andianafoundation.org', 'https://andianafoundation.org'],
      ['bold', 'andianafoundation.org'],
    ]);
    expect(marked(parseInline('[*Foreign Policy*](https://fp.example)'))).toEqual([
      ['link', 'Foreign Policy', 'https://fp.example'],
      ['italic', 'Foreign Policy'],
    ]);
  });

  it('does not emphasise inside a link text that is an address', () => {
    const result = parseInline('[https://x.org/Taliban\\\\_narratives\\\\_13.pdf](https://x.org/Taliban_narratives_13.pdf)');
    expect(result.text).toBe('https://x.org/Taliban\\_narratives\\_13.pdf');
    expect(marked(result)).toEqual([['link', result.text, 'https://x.org/Taliban_narratives_13.pdf']]);
  });

  it('keeps brackets that are not a link', () => {
    expect(parseInline('[real name is X] Zabihullah [@Zabehulah\\_M33].').text).toBe('[real name is X] Zabihullah [@Zabehulah_M33].');
  });

  it('reads backslash escapes of punctuation only', () => {
    expect(parseInline('\\$25 and \\*not bold\\* and C:\\path').text).toBe('$25 and *not bold* and C:\\path');
  });

  it('decodes entities it knows and keeps others as written', () => {
    expect(parseInline('Politics &amp; Law &#8212; &#x2019; &bogus; & more').text).toBe('Politics & Law — ’ &bogus; & more');
  });
});

describe('parseInline line breaks', () => {
  it('joins wrapped lines with a space', () => {
    expect(parseInline('one line\n   wrapped here').text).toBe('one line wrapped here');
  });

  it('keeps a hard break (two trailing spaces or a backslash) as a newline', () => {
    expect(parseInline('personal views.  \nAndiana Foundation').text).toBe('personal views.\nAndiana Foundation');
    expect(parseInline('first\\\nsecond').text).toBe('first\nsecond');
  });

  it('trims the block', () => {
    expect(parseInline('  padded text  ').text).toBe('padded text');
  });
});
