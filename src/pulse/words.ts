import { isStopword } from '../search/index.js';

/**
 * The words of a title that say what it is about: folded (no accents, lower case), four letters
 * or more, no function words. "Comment réparer un vélo ?" → réparer, vélo as "reparer", "velo".
 */
export function wordsOf(text: string): Set<string> {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const out = new Set<string>();
  for (const word of folded.split(/[^\p{L}\p{N}]+/u))
    if (word.length >= 4 && !isStopword(word)) out.add(word);
  return out;
}

/** How many words two sets share. */
export function sharedWords(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n += 1;
  return n;
}
