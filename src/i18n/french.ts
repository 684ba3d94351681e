/**
 * French contracts "de" and "à" with what follows: "Rôle d’Abdoulaye", "Charte du Réseau des
 * bénévoles", "en réponse aux Amis du quartier". A catalogue writes "de {name}" or "à {name}";
 * the translator (./message.ts) hands both words to `withPreposition` once the value is known.
 *
 * - before a vowel or a mute h: d’Abdoulaye, d’Hélène, d’Yves (y then a consonant); à stays;
 * - a leading article "Le"/"Les" merges: du, des / au, aux; "La", "L’" stay, lower-cased: de la
 *   Ruche, de l’Atelier / à la Ruche, à l’Atelier;
 * - otherwise nothing changes: "de Réseau des bénévoles" (no article to go by), "de 3".
 * An h is taken as mute unless the word is one of the common aspirated ones below: "de Hockey
 * club", "de Handicap services". A person's name that starts with "Le " or "Les " is read as
 * an article too ("du Goff" for "Le Goff"): such display names are rare, and no rule tells them.
 */
export type Preposition = 'de' | 'De' | 'à' | 'À';

const VOWEL = /^[aeiouàâäéèêëîïôöùûüœæ]/i;
// Y is a vowel before a consonant (Yves, Yvonne), a consonant before a vowel (Yann, Yasmine).
const Y_VOWEL = /^y[^aeiouàâäéèêëîïôöùûüœæ]/i;
const H_VOWEL = /^h[aeiouyàâäéèêëîïôöùûüœæ]/i;
const ASPIRATED_H = new Set(
  (
    'hache haie haine hall halle halte hamac hameau hanche handball handicap hangar haricot ' +
    'harpe hasard hausse haut haute hautes hauts havre hérisson héron héros hêtre hibou ' +
    'hiérarchie hippie hockey hollande homard hongrie honte hors houblon houx huit hurlement ' +
    'hutte'
  ).split(' '),
);

const ARTICLE = /^(les|le|la|l['’])(\s*)(.*)$/isu;

export function withPreposition(prep: Preposition, value: string): string {
  const de = prep.toLowerCase() === 'de';
  const contracted = contract(de, value);
  return prep === 'De' || prep === 'À'
    ? contracted.charAt(0).toUpperCase() + contracted.slice(1)
    : contracted;
}

function contract(de: boolean, value: string): string {
  const article = ARTICLE.exec(value);
  if (article) {
    const [, word = '', space = '', rest = ''] = article;
    const lower = word.toLowerCase();
    // "Le" and "La" need a space after them to be articles ("Lefebvre", "Laure" are not).
    if (lower === 'les' && space) return `${de ? 'des' : 'aux'} ${rest}`;
    if (lower === 'le' && space) return `${de ? 'du' : 'au'} ${rest}`;
    if (lower === 'la' && space) return `${de ? 'de' : 'à'} la ${rest}`;
    if (lower === 'l’' || lower === "l'") return `${de ? 'de' : 'à'} l’${space}${rest}`;
  }
  if (de && startsWithVowelSound(value)) return `d’${value}`;
  return `${de ? 'de' : 'à'} ${value}`;
}

function startsWithVowelSound(value: string): boolean {
  if (VOWEL.test(value) || Y_VOWEL.test(value)) return true;
  if (!H_VOWEL.test(value)) return false;
  const word = /^[\p{L}]+/u.exec(value)?.[0].toLowerCase() ?? '';
  return !ASPIRATED_H.has(word);
}
