import { describe, expect, it } from 'vitest';
import type { Tag } from '../model/highlight';
import { charOffset, familyId, tagId } from '../model/ids';
import { createMentionMatcher, type Mention } from './find-mentions';
import { GROUPS_FAMILY_ID, seedTags } from './seed-tags';

const groups = seedTags().tags.filter((t) => t.familyId === GROUPS_FAMILY_ID);
const matcher = createMentionMatcher(groups);

/** Each mention as "tag key: matched text", in text order. */
function found(text: string, m = matcher): string[] {
  return m.findMentions(text).map((x: Mention) => `${x.tagId.replace(/^group:/, '')}: ${text.slice(x.start, x.end)}`);
}

function tag(key: string, name: string, aliases: string[] = []): Tag {
  return { id: tagId(key), familyId: familyId('family:custom'), name, color: '#888888', aliases, description: '', statedAt: null };
}

describe('findMentions on sentences of the sources', () => {
  it('gives "Pakistani Taliban" to the TTP, not to the Taliban (longest match wins)', () => {
    const text = 'Likewise, The Taliban has maintained close ties with TTP, commonly known as Pakistani Taliban.';
    expect(found(text)).toEqual(['taliban: Taliban', 'ttp: TTP', 'ttp: Pakistani Taliban']);
  });

  it('takes the TTP’s full names and the Tajik "Taliban" whole', () => {
    expect(found('groups like Al Qaeda, Tehrik-e Taliban Pakistan (TTP), and Jamaat Ansarullah')).toEqual([
      'al-qaeda: Al Qaeda',
      'ttp: Tehrik-e Taliban Pakistan',
      'ttp: TTP',
      'jamaat-ansarullah: Jamaat Ansarullah',
    ]);
    expect(found('Jamaat Ansarullah also sometimes referred to as the Tahrir-e Taliban Tajikistan (TTT)')).toEqual([
      'jamaat-ansarullah: Jamaat Ansarullah',
      'jamaat-ansarullah: Tahrir-e Taliban Tajikistan',
      'jamaat-ansarullah: TTT',
    ]);
    expect(found('the Tehreek-e-Taliban Pakistan (TTP) from Afghan hideouts')).toEqual([
      'ttp: Tehreek-e-Taliban Pakistan',
      'ttp: TTP',
    ]);
  });

  it('reads the capture’s dropped apostrophes ("Talibans", "al Qaedas")', () => {
    expect(found('The Talibans rank and file will never fight against ISIS, said NRF spokesman Ali Maisam Nazary.')).toEqual([
      'taliban: Talibans',
      'islamic-state: ISIS',
      'nrf: NRF',
    ]);
    expect(found('A U.S. drone scissored through Ayman al-Zawahiri, then al Qaedas frontman')).toEqual(['al-qaeda: al Qaedas']);
  });

  it('leaves possessive endings outside the mention', () => {
    const text = "Al Qaeda's leader, Sayf al-Adl, and the Taliban’s and IS-Khorasan's rivalry";
    expect(found(text)).toEqual(['al-qaeda: Al Qaeda', 'taliban: Taliban', 'is-khorasan: IS-Khorasan']);
  });

  it('tells the Khorasan branch from the Islamic State as a whole', () => {
    expect(found('the Taliban’s “efforts against Islamic State-K (ISIS-K) appear to be more focused')).toEqual([
      'taliban: Taliban',
      'is-khorasan: Islamic State-K',
      'is-khorasan: ISIS-K',
    ]);
    expect(found('sharing more information with the Taliban about the Khorasan branch of ISIS, commonly known as ISIS-K.')).toEqual([
      'taliban: Taliban',
      'is-khorasan: Khorasan branch of ISIS',
      'is-khorasan: ISIS-K',
    ]);
    expect(found("the Islamic State's Khorasan Province (IS-Khorasan) remains a significant threat")).toEqual([
      "is-khorasan: Islamic State's Khorasan Province",
      'is-khorasan: IS-Khorasan',
    ]);
    expect(found("along with the Taliban's refusal to pledge bay'a (allegiance) to IS, have served")).toEqual([
      'taliban: Taliban',
      'islamic-state: IS',
    ]);
  });

  it('tolerates apostrophe, dash and space variants', () => {
    expect(found('IS‑K and IS–K and IS-K’s resurgence')).toEqual(['is-khorasan: IS‑K', 'is-khorasan: IS–K', 'is-khorasan: IS-K']);
    expect(found('Al\u00a0Qaeda, al‐Qaeda and Islamic State’s Khorasan Province')).toEqual([
      'al-qaeda: Al\u00a0Qaeda',
      'al-qaeda: al‐Qaeda',
      'is-khorasan: Islamic State’s Khorasan Province',
    ]);
  });

  it('finds a name split by a line break but not a word broken across lines', () => {
    expect(found('For groups like the Taliban, Al\n\nQaeda and its affiliates')).toEqual(['taliban: Taliban', 'al-qaeda: Al\n\nQaeda']);
    // The capture breaks "IS-Khorasan" over a page: "IS" alone there is not the Islamic State.
    expect(found('the Islamic State Khorasan Province (hereafter IS-\n\nEvacuees wait')).toEqual([
      'is-khorasan: Islamic State Khorasan Province',
    ]);
  });

  it('matches names in any case but acronyms only in their own', () => {
    expect(found('al qaeda, AL QAEDA, HAQQANI NETWORK and the Haqqani network')).toEqual([
      'al-qaeda: al qaeda',
      'al-qaeda: AL QAEDA',
      'haqqani-network: HAQQANI NETWORK',
      'haqqani-network: Haqqani network',
    ]);
    expect(found('That is the tip of it: Hts, nrf, imu, Iskp and Ttp are not acronyms here.')).toEqual([]);
    expect(found('the Turkistan Islamic Party (TIP), IMU, HTS, ISKP')).toEqual([
      'etim: Turkistan Islamic Party',
      'etim: TIP',
      'imu: IMU',
      'hts: HTS',
      'is-khorasan: ISKP',
    ]);
  });

  it('does not find names inside longer words', () => {
    expect(found('we had a pact with the Talibanwe made it clear; provided by the Talibanmost of whose leadership')).toEqual([]);
    expect(found('ISISK, ISKPs, Hamasi, preTaliban')).toEqual([]);
    expect(found('pre-Taliban government, US-Taliban deal, Israel-Hamas conflict')).toEqual([
      'taliban: Taliban',
      'taliban: Taliban',
      'hamas: Hamas',
    ]);
  });

  it('ignores names inside web addresses', () => {
    const text =
      'Detsch, Jack. "Al Qaeda Expands Its Footprint in Afghanistan." <https://foreignpolicy.com/2024/08/30/al-qaeda-presence-afghanistan-taliban-resistance-panjshir-cia/>.';
    expect(found(text)).toEqual(['al-qaeda: Al Qaeda']);
    expect(found('see www.example.org/ISKP-attacks and [TTP](https://x.org/TTP)')).toEqual(['ttp: TTP']);
  });

  it('gives offsets into the original text', () => {
    const text = 'Émigrés 🌐 said IS‑K’s men and the Afghan Taliban met.';
    for (const m of matcher.findMentions(text)) expect(['IS‑K', 'Afghan Taliban']).toContain(text.slice(m.start, m.end));
    expect(matcher.findMentions(text).map((m) => m.alias)).toEqual(['IS-K', 'Afghan Taliban']);
  });
});

describe('createMentionMatcher', () => {
  it('finds nothing with no tags, in empty text, and skips blank aliases', () => {
    expect(createMentionMatcher([]).findMentions('the Taliban')).toEqual([]);
    expect(matcher.findMentions('')).toEqual([]);
    expect(found('a b', createMentionMatcher([tag('t:blank', '  ', ['', ' '])]))).toEqual([]);
  });

  it('reports a name two tags claim, and gives its mentions to the first', () => {
    const m = createMentionMatcher([tag('t:one', 'Lashkar-e-Taiba', ['LeT']), tag('t:two', 'LeT', ['Lashkar‑e‑Taiba'])]);
    expect(m.conflicts).toEqual([
      { alias: 'Lashkar-e-Taiba', tagIds: ['t:one', 't:two'] },
      { alias: 'LeT', tagIds: ['t:one', 't:two'] },
    ]);
    expect(m.findMentions('LeT and Lashkar-e-Taiba').map((x) => x.tagId)).toEqual(['t:one', 't:one']);
  });

  it('lets a name go to another tag when the first claims it only as an acronym', () => {
    const m = createMentionMatcher([tag('t:acronym', 'TIP'), tag('t:word', 'Tip')]);
    expect(m.findMentions('TIP, Tip, tip').map((x) => x.tagId)).toEqual(['t:acronym', 't:word', 't:word']);
  });

  it('has no conflicts among the seeded groups', () => {
    expect(matcher.conflicts).toEqual([]);
  });
});

describe('mentionsInRange', () => {
  const text =
    'Since the fall of Kabul to the Taliban in August 2021, Afghanistan has become a safe-haven for various terrorist organizations such as Al Qaeda center and some of its affiliates, Tahrir-e Taliban Pakistan (TTP) Central Asian Jihadis, such as Jamaat Ansarullah, the Turkistan Islamic Party, Islamic State’s Khorasan Province (IS-Khorasan), Islamic Movement of Uzbekistan (IMU)';

  it('lists each group the selection mentions once, in order of first mention', () => {
    const from = charOffset(text.indexOf('Al Qaeda'));
    const to = charOffset(text.indexOf('(IS-Khorasan)'));
    expect(matcher.mentionsInRange(text, from, to)).toEqual([
      'group:al-qaeda',
      'group:ttp',
      'group:jamaat-ansarullah',
      'group:etim',
      'group:is-khorasan',
    ]);
  });

  it('counts a mention the selection only cuts into, and takes the ends in either order', () => {
    const from = charOffset(text.indexOf('Taliban Pakistan') + 3);
    const to = charOffset(text.indexOf('Jamaat') + 3);
    expect(matcher.mentionsInRange(text, to, from)).toEqual(['group:ttp', 'group:jamaat-ansarullah']);
  });

  it('finds nothing in an empty selection or one without names', () => {
    const at = charOffset(text.indexOf('Taliban') + 2);
    expect(matcher.mentionsInRange(text, at, at)).toEqual([]);
    expect(matcher.mentionsInRange(text, charOffset(0), charOffset(text.indexOf('Kabul')))).toEqual([]);
  });

  it('answers for a new text after an earlier one', () => {
    expect(matcher.mentionsInRange(text, charOffset(0), charOffset(text.length))).toHaveLength(7);
    const other = 'Hamas congratulated the Taliban';
    expect(matcher.mentionsInRange(other, charOffset(0), charOffset(other.length))).toEqual(['group:hamas', 'group:taliban']);
  });
});
