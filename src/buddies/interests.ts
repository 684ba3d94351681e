/**
 * Shared interests. Ruche has no declared interests yet: what a member wrote about themselves
 * (their bio) stands in for them, as in the welcome template. Two members share an interest when
 * their bios share a significant word: four letters or more, accents and case aside, a final
 * "s" aside, and not one of the common words below.
 */
const COMMON = new Set(
  [
    // French
    'avec',
    'dans',
    'pour',
    'sans',
    'sous',
    'mais',
    'plus',
    'tres',
    'tout',
    'tous',
    'toute',
    'toutes',
    'leur',
    'leurs',
    'nous',
    'vous',
    'elle',
    'elles',
    'etre',
    'avoir',
    'fait',
    'faire',
    'comme',
    'aussi',
    'cette',
    'entre',
    'depuis',
    'chez',
    'quand',
    'aime',
    'adore',
    'suis',
    'notre',
    'votre',
    'encore',
    'bien',
    'beaucoup',
    'souvent',
    'parfois',
    'apres',
    'avant',
    'autre',
    'autres',
    'ainsi',
    'donc',
    'alors',
    'celle',
    'celui',
    'ceux',
    'peu',
    'passionne',
    'passionnee',
    'interesse',
    'interessee',
    // English
    'with',
    'from',
    'that',
    'this',
    'have',
    'love',
    'like',
    'about',
    'into',
    'their',
    'them',
    'they',
    'what',
    'when',
    'your',
    'also',
    'just',
    'very',
    'more',
    'some',
    'much',
    'many',
    'enjoy',
    'been',
    'were',
    'will',
    'would',
    'there',
    'here',
    'other',
    'than',
    'then',
  ].map((w) => w.replace(/s$/, '')),
);

function normalise(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/s$/, '');
}

/** The significant words of a text: normalised form → the word as first written (lower case). */
export function significantWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const key = normalise(word);
    if (key.length < 4 || COMMON.has(key) || out.has(key)) continue;
    out.set(key, word.toLowerCase());
  }
  return out;
}

/** The words of `theirs` also in `mine`, as `mine` writes them. */
export function sharedWords(mine: Map<string, string>, theirs: Map<string, string>): string[] {
  return [...mine].filter(([key]) => theirs.has(key)).map(([, word]) => word);
}
