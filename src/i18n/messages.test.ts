import { describe, expect, it } from 'vitest';
import { i18n } from '../app.js';
import { createI18n, locales, placeholdersOf, withPreposition, type Locale } from './index.js';

// Parameters that carry a text, not a number; every other plain placeholder is taken for a
// number, so that a new "{count} membres" is rendered with 0, 1 and 2 and caught below.
const TEXT_PARAMS = new Set([
  'name',
  'date',
  'q',
  'title',
  'link',
  'field',
  'stage',
  'reaction',
  'label',
  'caption',
  'delay',
  'from',
  'to',
  'value',
  'share',
  // A link, and a charter's version number: neither counts anything.
  'signin',
  'version',
  // A community's or group's name, and a topic's kind (question, discussion): notifications.
  'place',
  'topicKind',
]);

// Plural words that must not follow 0 or 1 in French, nor 1 in English; a word ending in -s
// or -x there is suspect too, unless it is one of the invariant words below.
const PLURALS: Record<Locale, string[]> = {
  fr: [
    'réponses',
    'membres',
    'actifs',
    'jours',
    'semaines',
    'ans',
    'années',
    'résultats',
    'contributions',
    'réactions',
    'caractères',
    'conversations',
    'sujets',
    'messages',
    'groupes',
    'personnes',
    'heures',
    'minutes',
    'éligibles',
    'demandes',
    'versions',
  ],
  en: [
    'replies',
    'members',
    'days',
    'weeks',
    'months',
    'years',
    'results',
    'contributions',
    'reactions',
    'characters',
    'conversations',
    'topics',
    'messages',
    'groups',
    'people',
    'hours',
    'minutes',
    'requests',
    'versions',
    'answers',
  ],
};
const INVARIANT: Record<Locale, Set<string>> = {
  fr: new Set(['mois', 'fois', 'les', 'des', 'sur', 'sous', 'dans', 'depuis', 'sans', 'plus']),
  en: new Set(['is', 'was', 'has', 'as', 'its', 'this', 'plus', 'less', 'us', 'across']),
};

/** "1 réponses", "0 membres", "1 replies": a plural word right after a singular number. */
function pluralAfterSingular(locale: Locale, text: string): string | undefined {
  const singular = locale === 'fr' ? '[01]' : '1';
  const after = new RegExp(`(?<![\\p{L}\\p{N}.,])${singular}[\\s\\u00a0\\u202f]+(\\p{L}+)`, 'gu');
  for (const [, word = ''] of text.matchAll(after)) {
    const lower = word.toLowerCase();
    if (PLURALS[locale].includes(lower)) return word;
    if (/[sx]$/.test(lower) && lower.length > 2 && !INVARIANT[locale].has(lower)) return word;
  }
  return undefined;
}

const textValue = (name: string) => (name === 'name' ? 'Zoé' : `«${name}»`);

/** Renderings of a message: each numeric parameter at 0, 1 and 2, alone and all together. */
function renderings(locale: Locale, key: string) {
  const template = i18n.template(locale, key) ?? '';
  const placeholders = placeholdersOf(template);
  const numeric = [...placeholders]
    .filter(([name, kind]) => kind === 'plural' || kind === 'number' || !TEXT_PARAMS.has(name))
    .map(([name]) => name);
  const base: Record<string, string | number> = {};
  for (const [name] of placeholders) base[name] = numeric.includes(name) ? 2 : textValue(name);
  const params: Record<string, string | number>[] = [];
  for (const n of [0, 1, 2]) {
    params.push({ ...base, ...Object.fromEntries(numeric.map((name) => [name, n])) });
    for (const name of numeric) params.push({ ...base, [name]: n });
  }
  const t = i18n.translator(locale);
  const distinct = new Map(params.map((p) => [JSON.stringify(p), p]));
  return [...distinct.values()].map((p) => ({ params: p, text: t(key, p) }));
}

describe.each(locales)('every message in %s', (locale) => {
  const keys = i18n.keys(locale);

  it('exists in both languages', () => {
    const other = locale === 'fr' ? 'en' : 'fr';
    expect(keys.filter((k) => i18n.template(other, k) === undefined)).toEqual([]);
  });

  it('renders every placeholder, with 0, 1 and 2 for each number, and agrees with it', () => {
    const problems: string[] = [];
    for (const key of keys) {
      let rendered;
      try {
        rendered = renderings(locale, key);
      } catch (err) {
        problems.push(`${key}: not valid ICU MessageFormat (${String(err)})`);
        continue;
      }
      for (const { params, text } of rendered) {
        const where = `${key} ${JSON.stringify(params)} → ${text}`;
        if (text === key && i18n.template(locale, key) !== key) problems.push(`${where}: failed`);
        if (/[{}]/.test(text)) problems.push(`${where}: a placeholder or ICU syntax is left`);
        if (/\b(plural|select|selectordinal),|\b(one|other) \{/.test(text))
          problems.push(`${where}: ICU syntax is left`);
        for (const [name, value] of Object.entries(params)) {
          if (typeof value === 'string' && name !== 'name' && !text.includes(value)) {
            const kind = placeholdersOf(i18n.template(locale, key) ?? '').get(name);
            if (kind === 'text') problems.push(`${where}: {${name}} is not rendered`);
          }
        }
        const word = pluralAfterSingular(locale, text);
        if (word) problems.push(`${where}: "${word}" after a singular number`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('plurals', () => {
  const fr = i18n.translator('fr');
  const en = i18n.translator('en');

  it('follows each language’s rule: 0 and 1 are singular in French, only 1 in English', () => {
    for (const key of ['conversations.replies', 'conversations.reply.count']) {
      expect([0, 1, 2].map((count) => fr(key, { count }))).toEqual([
        '0 réponse',
        '1 réponse',
        '2 réponses',
      ]);
      expect([0, 1, 2].map((count) => en(key, { count }))).toEqual([
        '0 replies',
        '1 reply',
        '2 replies',
      ]);
    }
    expect(fr('communities.members', { count: 1 })).toBe('1 membre');
    expect(en('communities.members', { count: 1 })).toBe('1 member');
    expect(fr('analytics.circles.coreMember', { contributions: 1, weeks: 2 })).toBe(
      '1 contribution sur 2 semaines',
    );
  });

  it('writes numbers the reader’s way, in a plural and in a plain placeholder', () => {
    expect(fr('conversations.replies', { count: 1341 })).toBe('1\u202f341 réponses');
    expect(en('conversations.replies', { count: 1341 })).toBe('1,341 replies');
    expect(fr('conversations.reaction.give', { reaction: 'Merci', count: 1341 })).toBe(
      'Merci (1\u202f341)',
    );
  });

  it('reads a hidden figure in the plural’s "other" form, the text in place of the number', () => {
    expect(fr('analytics.lastContribution', { contributions: 'masqué', date: '3 mars' })).toBe(
      'masqué contributions sur 90 jours, la dernière le 3 mars',
    );
  });

  it('keeps straight apostrophes as apostrophes, even before a placeholder', () => {
    const t = createI18n([
      { fr: { k: "L'avis d'{name} : '{count}' l'{x}" }, en: { k: 'x' } },
    ]).translator('fr');
    expect(t('k', { name: 'Zoé', count: 3, x: 'un' })).toBe("L'avis d'Zoé : '3' l'un");
  });

  it('catches the mistakes it is for', () => {
    expect(pluralAfterSingular('fr', '1 réponses')).toBe('réponses');
    expect(pluralAfterSingular('fr', '0 membres actifs')).toBe('membres');
    expect(pluralAfterSingular('fr', 'sur 1 jetons')).toBe('jetons');
    expect(pluralAfterSingular('en', '1 replies')).toBe('replies');
    expect(pluralAfterSingular('en', '0 replies')).toBeUndefined();
    expect(pluralAfterSingular('fr', 'sur 90 jours, 10 membres, 1 mois')).toBeUndefined();
  });
});

describe('French "de" and "à" before a name', () => {
  const fr = i18n.translator('fr');

  it('elides before a vowel or a mute h, and merges with a leading article', () => {
    const cases: [string, string, string][] = [
      ['Abdoulaye', 'd’Abdoulaye', 'à Abdoulaye'],
      ['Hélène', 'd’Hélène', 'à Hélène'],
      ['Le Réseau des bénévoles', 'du Réseau des bénévoles', 'au Réseau des bénévoles'],
      ['Les Amis du quartier', 'des Amis du quartier', 'aux Amis du quartier'],
      ['La Ruche', 'de la Ruche', 'à la Ruche'],
      ['L’Atelier', 'de l’Atelier', 'à l’Atelier'],
      ["L'Atelier", 'de l’Atelier', 'à l’Atelier'],
      ['Réseau des bénévoles', 'de Réseau des bénévoles', 'à Réseau des bénévoles'],
      ['Yves', 'd’Yves', 'à Yves'],
      ['Yasmine', 'de Yasmine', 'à Yasmine'],
      ['Hockey club', 'de Hockey club', 'à Hockey club'],
      ['Lefebvre', 'de Lefebvre', 'à Lefebvre'],
      ['Laure', 'de Laure', 'à Laure'],
      ['3 rue Haute', 'de 3 rue Haute', 'à 3 rue Haute'],
    ];
    for (const [name, de, a] of cases) {
      expect([withPreposition('de', name), withPreposition('à', name)]).toEqual([de, a]);
    }
    expect(withPreposition('De', 'Abdoulaye')).toBe('D’Abdoulaye');
    expect(withPreposition('À', 'Le Réseau')).toBe('Au Réseau');
  });

  it('applies at every "de {…}" and "à {…}" of the catalogues', () => {
    expect(fr('communities.members.role', { name: 'Abdoulaye' })).toBe('Rôle d’Abdoulaye');
    expect(fr('communities.members.role', { name: 'Hélène' })).toBe('Rôle d’Hélène');
    expect(fr('communities.charter.title', { name: 'Le Réseau des bénévoles' })).toBe(
      'Charte du Réseau des bénévoles',
    );
    expect(fr('communities.members.title', { name: 'Les Amis du quartier' })).toBe(
      'Membres des Amis du quartier',
    );
    expect(fr('communities.settings.title', { name: 'La Ruche' })).toBe('Réglages de la Ruche');
    expect(fr('analytics.title', { name: 'Réseau des bénévoles' })).toBe(
      'Tableau de bord de Réseau des bénévoles',
    );
    expect(fr('conversations.reply.inReplyTo', { name: 'Les Amis du quartier' })).toBe(
      'en réponse aux Amis du quartier',
    );
    // English has no such rule.
    expect(i18n.translator('en')('communities.members.role', { name: 'Abdoulaye' })).toBe(
      'Role of Abdoulaye',
    );
  });
});
