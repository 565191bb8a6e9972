import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSource } from '../core/document/parse-source';
import { describeRange } from '../core/anchoring/describe-range';
import { anchorAll } from '../core/anchoring/anchor';
it('scratch', () => {
  const raw = readFileSync('resources/sources/004_22ba044b9207139b.txt', 'utf8');
  const before = parseSource(raw, 'markdown').text;
  const edits: [string, string][] = [
    ['# Executive Summary\n\n', "# Executive Summary\n\nThis revised edition corrects several passages and adds the Foundation's note on sources.\n\n"],
    ['Executive Summmary', 'Executive Summary'],
    ['sheds light on how and why Afghanistan under the Taliban has become attractive for various jihadi groups', 'sheds light on how and why Afghanistan under Taliban rule has become attractive to various jihadi groups'],
    ["**In summary, the Taliban's rule in Afghanistan presents significant security challenges that require a strategic and informed approach.**\n\n", ''],
    ['## Introduction\n\nThe Taliban\'s victory has led to well-founded regional and international concerns that Afghanistan will once again become a haven for international terrorist organizations. Following the fall of Kabul to the Taliban, Suhail Shaheen, the Taliban\'s spokesperson told BBC',
     '## Setting the scene: an overview of the new order\n\nThe Taliban\'s victory has led to well-founded regional and international concerns that Afghanistan will once again become a haven for international terrorist organisations. Speaking in an interview given soon afterwards, a spokesman said to the BBC'],
  ];
  let edited = raw;
  for (const [a, b] of edits) { if (!edited.includes(a)) throw new Error(a); edited = edited.replace(a, b); }
  const after = parseSource(edited, 'markdown').text;
  const quotes = [
    'By focusing on the nuanced nature of these evolving relationships',
    'Since the fall of Kabul to the Taliban in August 2021, Afghanistan has become a safe-haven for various terrorist organizations',
    'the working paper sheds light on how and why Afghanistan under the Taliban has become attractive for various jihadi groups',
    "the Taliban's rule in Afghanistan presents significant security challenges that require a strategic and informed approach",
    "The Taliban's victory has led to well-founded regional and international concerns that Afghanistan will once again become a haven for international terrorist organizations.",
    "The Taliban's victory in Afghanistan has attracted a number of Al Qaeda personnel back to Afghanistan",
  ];
  const targets = quotes.map((q) => { const s = before.indexOf(q); const d = describeRange(before, s, s + q.length); if (!d.ok) throw new Error(q); return d.value; });
  const results = anchorAll(after, targets);
  results.forEach((r, i) => console.log('OUT', quotes[i]?.slice(0, 40), r.status, r.score, r.reason));
  console.log('OUT', JSON.stringify(targets[4]?.quote));
});
