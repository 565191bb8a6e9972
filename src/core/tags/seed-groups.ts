/**
 * The groups the bundled sources name, each with the names the sources actually use for it,
 * spelled as they occur. Mention finding folds case (except for acronyms), apostrophes, dashes and
 * spaces, so one spelling stands for "al Qaeda" / "Al Qaeda" and for "Da'esh" / "Da’esh".
 *
 * Colours sit in one luminance band (contrast of at least 3:1 against both a white and a near-black
 * page) and are spread apart in hue, so a colour reads on either theme and groups that the report
 * lists side by side stay distinguishable.
 */
export interface GroupSeed {
  /** Stable key; the tag id is `group:<key>`. */
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly aliases: readonly string[];
}

export const groupSeeds: readonly GroupSeed[] = [
  {
    key: 'taliban',
    name: 'Taliban',
    color: '#b7852a',
    // "Talibans": the news capture drops apostrophes ("the Talibans rank and file").
    // "Islamic Emirate": the Taliban's name for their own government, used by the report and 003.
    aliases: ['Afghan Taliban', 'Talibans', 'Islamic Emirate', 'Islamic Emirate of Afghanistan'],
  },
  {
    key: 'haqqani-network',
    name: 'Haqqani Network',
    color: '#71782b',
    // "Haqqani" alone names people (Sirajuddin, Jalaluddin), not the network, so it is no alias.
    aliases: [],
  },
  {
    key: 'al-qaeda',
    name: 'Al Qaeda',
    color: '#db192f',
    // "al Qaedas" is the capture's "al Qaeda's" without its apostrophe; "al-Qa`ida" is the US
    // intelligence community's transliteration quoted in the report.
    aliases: ['al Qaedas', 'al-Qaeda', 'al-Qaida', 'al-Qa`ida'],
  },
  {
    key: 'aqap',
    name: 'AQAP',
    color: '#f74807',
    // The report's list of Al Qaeda affiliates names the Yemeni branch twice, under both names.
    aliases: ['Al Qaeda in the Arabian Peninsula', 'Al Qaeda in Yemen'],
  },
  {
    key: 'aqis',
    name: 'AQIS',
    color: '#aa5e61',
    aliases: ['Al Qaeda in the Indian Subcontinent'],
  },
  {
    key: 'aqim',
    name: 'AQIM',
    color: '#b45c08',
    aliases: ['Al Qaeda in Maghreb'],
  },
  {
    key: 'al-shabaab',
    name: 'al-Shabaab',
    color: '#f63d6b',
    aliases: ['Al Shabab'],
  },
  {
    key: 'islamic-state',
    name: 'Islamic State',
    color: '#5f69b7',
    // The organisation as a whole. The news articles also say "Islamic State" or "ISIS" where they
    // mean its Afghan branch; the words alone cannot tell, so only names that say Khorasan (or
    // the Afghan branch) go to IS-Khorasan and the analyst retags a highlight where context shows it.
    aliases: ['ISIS', 'IS', 'Islamic State in Iraq and the Levant', "Da'esh"],
  },
  {
    key: 'is-khorasan',
    name: 'IS-Khorasan',
    color: '#bc42f7',
    aliases: [
      'IS-K',
      'ISK',
      'ISKP',
      'ISIS-K',
      'ISIS-Khorasan',
      'IS-Khorasan Province',
      'Islamic State Khorasan Province',
      "Islamic State's Khorasan Province",
      'Islamic State-K',
      'Khorasan branch of ISIS',
      "Islamic State's Afghanistan Branch",
    ],
  },
  {
    key: 'ttp',
    name: 'Tehrik-e Taliban Pakistan',
    color: '#1392d4',
    // "TPP": source 003 misspells TTP once ("The TPP has become a serious challenge").
    aliases: [
      'TTP',
      'Pakistani Taliban',
      'Tehrik-e-Taliban Pakistan',
      'Tehreek-e-Taliban Pakistan',
      'Tahrir-e Taliban Pakistan',
      'TPP',
    ],
  },
  {
    key: 'tjp',
    name: 'Tahreek-e-Jihad Pakistan',
    color: '#6684fb',
    aliases: ['TJP'],
  },
  {
    key: 'jamaat-ansarullah',
    name: 'Jamaat Ansarullah',
    color: '#c37a5e',
    aliases: ['Tahrir-e Taliban Tajikistan', 'TTT'],
  },
  {
    key: 'etim',
    name: 'East Turkistan Islamic Movement',
    color: '#07859d',
    aliases: ['ETIM', 'East Turkestan Islamic Movement', 'Turkistan Islamic Party', 'TIP'],
  },
  {
    key: 'imu',
    name: 'Islamic Movement of Uzbekistan',
    color: '#9e7fc0',
    aliases: ['IMU'],
  },
  {
    key: 'hamas',
    name: 'Hamas',
    color: '#0fa626',
    aliases: [],
  },
  {
    key: 'hts',
    name: 'Hayat Tahrir al-Sham',
    color: '#139086',
    aliases: ['HTS'],
  },
  {
    key: 'nrf',
    name: 'National Resistance Front',
    color: '#428252',
    aliases: ['NRF'],
  },
  {
    key: 'maktab-al-khidamat',
    name: 'Maktab al-Khidamat',
    color: '#bf7593',
    // The report's spelling; Al Qaeda grew out of it, which is why an analyst tags it.
    aliases: ['Maktab-al Khidamat', 'MaK'],
  },
  {
    key: 'houthis',
    name: 'Houthis',
    color: '#d81496',
    aliases: ['Houthi'],
  },
];
