import type { Locale } from '../i18n/index.js';
import { toPlainText } from '../markdown/index.js';

/** The longest text an animator may write for one part of the page. */
export const MAX_TEXT = 2_000;

/** The texts of the first-steps page that the animators may edit. */
export interface FirstStepsTexts {
  /** A few words of welcome at the top of the page. */
  welcome: string;
  /** How to ask a question. */
  ask: string;
}

/** What a community's page says before its animators edit it. */
export const defaultTexts: Record<Locale, FirstStepsTexts> = {
  fr: {
    welcome:
      'Bienvenue ! Voici quelques repères pour bien commencer : ce que nous nous engageons à respecter, où vous présenter, et quelques groupes qui pourraient vous intéresser.',
    ask: 'Une question ? Ouvrez une nouvelle conversation de type « question » : dites ce que vous cherchez et ce que vous avez déjà essayé. Quelqu’un vous répondra, et votre question aidera aussi les suivants.',
  },
  en: {
    welcome:
      'Welcome! Here are a few pointers to get started: what we agree to respect, where to introduce yourself, and a few groups you might like.',
    ask: 'Got a question? Start a new conversation of the “question” kind: say what you are looking for and what you already tried. Someone will answer, and your question will help those who come after you too.',
  },
};

// Short words that say nothing of an interest, in French and English.
const STOP_WORDS = new Set(
  (
    'avec pour dans sans sous chez mais donc alors aussi bien tres plus moins tout tous toute ' +
    'toutes cette ceux celle leur leurs nous vous elle elles sont etre avoir fait faire aime ' +
    'adore suis quand comme that with from this have your what about also like very love ' +
    'enjoy into more some them they their there were been being just things'
  ).split(' '),
);

/** The words of a text worth matching: lowercase, without accents, four letters or more. */
export function wordsOf(text: string): Set<string> {
  const plain = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  return new Set(plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !STOP_WORDS.has(w)));
}

/**
 * How many of a member's words a group's words share; "jardin" matches "jardinage" and
 * "garden" "gardening" (one begins the other, five letters at least).
 */
export function sharedWords(member: Set<string>, group: Set<string>): number {
  let n = 0;
  for (const m of member)
    for (const g of group)
      if (m === g || (Math.min(m.length, g.length) >= 5 && (m.startsWith(g) || g.startsWith(m)))) {
        n++;
        break;
      }
  return n;
}

/**
 * The charter in a few lines: its first lines of text as a reader sees them (no Markdown marks),
 * each kept short. Headings are left out: the page's own heading names the charter.
 */
export function charterLines(
  body: string,
  lines = 5,
  length = 240,
): { lines: string[]; isLonger: boolean } {
  const all = body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const shown = all.slice(0, lines).map((l) => {
    // A numbered rule keeps its number; other Markdown marks go.
    const number = /^\d+[.)]\s/.exec(l)?.[0] ?? '';
    const rest = l.replace(/^(\d+[.)]|[-*+])\s+/, '');
    return { l, text: `${number}${toPlainText(rest, length)}` };
  });
  return {
    lines: shown.map((x) => x.text).filter((text) => text !== ''),
    isLonger: all.length > lines || shown.some((x) => x.text.endsWith('…') && !x.l.endsWith('…')),
  };
}
