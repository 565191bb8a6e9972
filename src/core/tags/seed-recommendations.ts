/**
 * The five numbered recommendations and the six "Ways Forward" of the Andiana Foundation report
 * "The New Jihadi Sphere Under Taliban's Rule" (resources/sources/004_22ba044b9207139b.txt).
 *
 * `paragraphs` is the report's own wording as the reader shows it: Markdown syntax and footnote
 * markers removed, and the one paragraph that a page break splits in the capture ("too" / "far into
 * a corner") joined again. `statement` is one sentence of it that occurs exactly once in the
 * report; the services locate it in the canonical text to set the tag's `statedAt`.
 */
export type RecommendationKind = 'recommendation' | 'way-forward';

export interface RecommendationSeed {
  /** Stable key; the tag id is `rec:<key>`. */
  readonly key: string;
  readonly kind: RecommendationKind;
  /** "R1" ... "R5", "W1" ... "W6": the recommendations are numbered in the report, the ways forward in order of appearance. */
  readonly code: string;
  /** The heading as the report gives it. */
  readonly title: string;
  /** What the tag is called after its code, when the heading is too long for a tag chip. */
  readonly shortTitle?: string;
  readonly color: string;
  readonly paragraphs: readonly string[];
  readonly statement: string;
}

/** File name (under resources/sources) of the report that states them. */
export const RECOMMENDATIONS_SOURCE_FILE = '004_22ba044b9207139b.txt';

export const recommendationSeeds: readonly RecommendationSeed[] = [
  {
    key: 'r1',
    kind: 'recommendation',
    code: 'R1',
    title: 'Enhanced Intelligence and Monitoring',
    color: '#db192f',
    paragraphs: [
      "Accurate and comprehensive intelligence on the Taliban's interactions with terrorist groups is crucial. Given the Taliban's unreliability, independent monitoring and analysis should be prioritized.",
    ],
    statement: "Given the Taliban's unreliability, independent monitoring and analysis should be prioritized.",
  },
  {
    key: 'r2',
    kind: 'recommendation',
    code: 'R2',
    title: 'Strategic Engagement',
    color: '#0fa626',
    paragraphs: [
      'Confronting the Taliban directly over their relationships with Al Qaeda, TTP, and IS-Khorasan could backfire, potentially deepening their ties with these groups. A more effective approach may involve carefully designed incentives and disincentives based on a nuanced understanding of the jihadi landscape.',
    ],
    statement:
      'Confronting the Taliban directly over their relationships with Al Qaeda, TTP, and IS-Khorasan could backfire, potentially deepening their ties with these groups.',
  },
  {
    key: 'r3',
    kind: 'recommendation',
    code: 'R3',
    title: 'Long-Term Strategy',
    color: '#1392d4',
    paragraphs: [
      "The international community should adopt a long-term strategy rather than short-term solutions, and acknowledge the risks of the Taliban's radicalization and its potential to become a \"time bomb\" for regional and global security.",
    ],
    statement: 'The international community should adopt a long-term strategy rather than short-term solutions',
  },
  {
    key: 'r4',
    kind: 'recommendation',
    code: 'R4',
    title: 'Conditional Engagement',
    color: '#bc42f7',
    paragraphs: [
      'Further engagement with the Taliban should be contingent on verifiable progress in addressing key issues such as human rights, counter-terrorism commitments, and inclusive governance. International pressure, including sanctions enforcement and travel bans, should remain a priority.',
    ],
    statement:
      'Further engagement with the Taliban should be contingent on verifiable progress in addressing key issues such as human rights, counter-terrorism commitments, and inclusive governance.',
  },
  {
    key: 'r5',
    kind: 'recommendation',
    code: 'R5',
    title: 'Avoiding Legitimacy Boost',
    color: '#b7852a',
    paragraphs: [
      "Recognizing the Taliban or opening diplomatic channels could inadvertently reinforce their power and position. Any moves towards normalization should be carefully considered considering the Taliban's track record and current policies.",
    ],
    statement: 'Recognizing the Taliban or opening diplomatic channels could inadvertently reinforce their power and position.',
  },
  {
    key: 'w1',
    kind: 'way-forward',
    code: 'W1',
    title: 'Develop Better Insights',
    color: '#c76e94',
    paragraphs: [
      "Understanding the nuanced relationships of the Taliban with other terrorist organizations present or operating from Afghanistan is essential for shaping future strategies. Despite the leadership position, personalized relations between the Taliban fighters and other foreign fighters have made the situation a lot more complex. Even if the Taliban leadership was inclined to confront Al Qaeda or other groups, such actions could backfire, leading to internal fragmentation or defection. Therefore, carefully navigating this delicate web of relationships is crucial to avoid deepening the Taliban's ties with these groups.",
      'In the same vein, to accurately assess the security situation in Afghanistan, obtaining reliable intelligence on the activities of various jihadi groups is paramount. However, the Taliban itself is not a trustworthy source of information and has little incentive to provide accurate reports on terrorist activities. International efforts should focus on independent intelligence-gathering mechanisms to develop a comprehensive understanding of the current jihadi landscape in Afghanistan. Alienating the Taliban entirely over its relationship with Al Qaeda could push them closer to other terrorist groups, leading to a more entrenched problem. Open confrontation with the Taliban might even strengthen their alliance with these groups, further destabilizing the region. Engagement should include clearly-defined consequences for non-compliance, while avoiding pushing the Taliban too far into a corner. This can mitigate threats of these organizations while preventing Afghanistan from becoming an even greater safe haven for terrorism.',
    ],
    statement:
      'International efforts should focus on independent intelligence-gathering mechanisms to develop a comprehensive understanding of the current jihadi landscape in Afghanistan.',
  },
  {
    key: 'w2',
    kind: 'way-forward',
    code: 'W2',
    title: 'Avoid a False Narrative',
    color: '#5f69b7',
    paragraphs: [
      "The Biden administration has largely downplayed the recondition of Al Qaeda in Afghanistan, but evidence suggests a continuing, if not growing, alliance between the Taliban and terrorist groups like Al Qaeda, as well as a cycle of revenge that ultimately leads to an ever more entrenched IS-Khorasan. Building a false narrative that positions the Taliban as a counter-terrorism force serves no one's interest. History has shown that the Taliban rarely delivers on promises, and its leadership has made no significant concessions that would indicate a shift in their stance. Moving forward the international community must base its policies on hard evidence and prior experiences with the Taliban, rather than wishful thinking or diplomatic convenience.",
    ],
    statement: "Building a false narrative that positions the Taliban as a counter-terrorism force serves no one's interest.",
  },
  {
    key: 'w3',
    kind: 'way-forward',
    code: 'W3',
    title: 'Leverage Regional Actors',
    color: '#71790c',
    paragraphs: [
      "Countries like Pakistan, Iran, and Russia have a vested interest in Afghanistan's stability and share concerns about the presence of groups like IS-Khorasan and the flow of foreign fighters. Coordinating efforts with regional actors, including the Shanghai Cooperation Organization (SCO) and the Collective Security Treaty Organization (CSTO), could create a multilateral approach to pressuring the Taliban. Regional diplomacy could be used to encourage cooperation in controlling the movement of terrorist fighters and intelligence sharing.",
    ],
    statement:
      'Coordinating efforts with regional actors, including the Shanghai Cooperation Organization (SCO) and the Collective Security Treaty Organization (CSTO), could create a multilateral approach to pressuring the Taliban.',
  },
  {
    key: 'w4',
    kind: 'way-forward',
    code: 'W4',
    title: 'Strengthen International Monitoring and Reporting Mechanisms',
    shortTitle: 'Strengthen International Monitoring',
    color: '#c65802',
    paragraphs: [
      'Establish an international monitoring framework for terrorism-related activities in Afghanistan. This would involve intelligence-sharing, independent on-the-ground monitoring, and increased collaboration between UN counterterrorism bodies, and regional partners. This body could serve as a check on Taliban behavior and inform policy decisions.',
    ],
    statement: 'Establish an international monitoring framework for terrorism-related activities in Afghanistan.',
  },
  {
    key: 'w5',
    kind: 'way-forward',
    code: 'W5',
    title: 'Engage With Strings Attached',
    color: '#03875b',
    paragraphs: [
      "From the Taliban's perspective, normalization on the international stage—such as lifting sanctions, gaining access to Afghanistan's frozen assets, and securing diplomatic accreditation—remains a priority. However, these concessions should not be granted without meaningful progress on issues like the Rule of Law and a Constitutional Order, women's rights, counterterrorism commitments, and the formation of an inclusive government. Taliban's disregard for its Doha commitments, is a stark reminder that expecting the group to change course suddenly and on its own accord is unrealistic and naïve.",
      "There are few remaining pressure points for the international community to influence the Taliban's behavior. Reinforcing the travel ban on Taliban's leadership and continuing to withhold diplomatic recognition are among the last remaining levers. Providing tacit recognition, such as opening embassies, has only bolstered Taliban's claim to legitimacy. The international community must be cautious not to further legitimize the Taliban without significant concessions, as doing so would only entrench their position and reinforce their hold on power.",
      'While the Taliban is unlikely to change its stance on Al Qaeda and other jihadist groups, the international community could use humanitarian assistance as leverage to press for incremental changes. For instance, it could devise mechanisms for aid delivery that ensure minimal participation of the Taliban in aid distribution so that the aid projects are not siphoned off or benefit the Taliban. This would have to be monitored closely to prevent abuse by the Taliban while ensuring that aid still reaches those in need.',
    ],
    statement:
      "However, these concessions should not be granted without meaningful progress on issues like the Rule of Law and a Constitutional Order, women's rights, counterterrorism commitments, and the formation of an inclusive government.",
  },
  {
    key: 'w6',
    kind: 'way-forward',
    code: 'W6',
    title: 'Exhibit Strategic Patience',
    color: '#ce7162',
    paragraphs: [
      "The threat posed by the Taliban's rule in Afghanistan is not a temporary issue but a long-term security challenge. Afghanistan under the Taliban rule is a \"time bomb in the making\" with increasing widespread radicalization that could soon spill over into regional and global security threats. Any strategy to deal with the Taliban must be long-term and proactive. This should involve building alliances with Afghan non-Taliban actors, maintaining a delicate balance between engagement and containment of the Taliban, and preparing for the inevitable regional challenges posed by the jihadist movement. Strategic patience, rather than short-term fixes, will be necessary to prevent Afghanistan from reverting to its pre-9/11 status as a terrorist safe haven.",
    ],
    statement:
      'Strategic patience, rather than short-term fixes, will be necessary to prevent Afghanistan from reverting to its pre-9/11 status as a terrorist safe haven.',
  },
];
