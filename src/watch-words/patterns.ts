/**
 * A watch word entry as an animator writes it — a word, a phrase, with `*` at the start or the
 * end of a word — read into folded word patterns, or refused with the reason (a message key).
 */

/** Longest entry, in characters: longer is a sentence, not a watch word. */
export const MAX_ENTRY = 100;
/** Letters a wildcard needs before or after it: `co*` would catch far more than intended. */
export const MIN_WILDCARD_STEM = 3;

export type WordPattern =
  | { kind: 'exact'; stem: string }
  | { kind: 'prefix'; stem: string }
  | { kind: 'suffix'; stem: string }
  | { kind: 'contains'; stem: string };

export type EntryProblem =
  | { reason: 'tooLong' }
  | { reason: 'onlyWildcard' }
  | { reason: 'noWord' }
  | { reason: 'wildcardInside' }
  | { reason: 'wildcardTooShort' }
  | { reason: 'unsupportedCharacter'; character: string };

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Accents and case folded: « ARNAQUÉ » and « arnaque » are the same word; œ is oe. */
export function fold(word: string): string {
  // Most words of a French or English text need no more than this.
  if (/^[a-z0-9]*$/.test(word)) return word;
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
}

/** A word of a text: letters (with their accents) and digits; anything else separates words. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

// Apostrophes and hyphens separate words in the text (« l’arnaque », « peut-être »), so an
// entry may hold them and reads them the same way.
const ALLOWED = /^[\p{L}\p{M}\p{N}\s'’‘\-‐–*]$/u;
const SEPARATORS = /[\s'’‘\-‐–]+/u;

/** The entry as written, trimmed and with its spaces collapsed (what is stored and shown). */
export function tidyEntry(entry: string): string {
  return entry.trim().replace(/\s+/gu, ' ');
}

/** The entry's word patterns, or why it cannot be one. */
export function parseEntry(
  raw: string,
): { ok: true; words: WordPattern[] } | { ok: false; problem: EntryProblem } {
  const entry = tidyEntry(raw);
  if (entry.length > MAX_ENTRY) return { ok: false, problem: { reason: 'tooLong' } };
  for (const c of entry)
    if (!ALLOWED.test(c))
      return { ok: false, problem: { reason: 'unsupportedCharacter', character: c } };
  const parts = entry.split(SEPARATORS).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, problem: { reason: 'noWord' } };
  if (parts.every((p) => /^\*+$/.test(p)))
    return { ok: false, problem: { reason: 'onlyWildcard' } };
  const words: WordPattern[] = [];
  for (const part of parts) {
    const starts = part.startsWith('*');
    const ends = part.length > 1 && part.endsWith('*');
    const core = part.slice(starts ? 1 : 0, ends ? -1 : undefined);
    if (core === '' || core.includes('*'))
      return { ok: false, problem: { reason: core === '' ? 'onlyWildcard' : 'wildcardInside' } };
    const stem = fold(core);
    if (stem === '') return { ok: false, problem: { reason: 'noWord' } };
    if ((starts || ends) && [...stem].length < MIN_WILDCARD_STEM)
      return { ok: false, problem: { reason: 'wildcardTooShort' } };
    const kind = starts && ends ? 'contains' : starts ? 'suffix' : ends ? 'prefix' : 'exact';
    words.push({ kind, stem });
  }
  return { ok: true, words };
}

/** Whether one folded word of a text fits one word pattern. */
export function fits(pattern: WordPattern, word: string): boolean {
  switch (pattern.kind) {
    case 'exact':
      return word === pattern.stem;
    case 'prefix':
      return word.startsWith(pattern.stem);
    case 'suffix':
      return word.endsWith(pattern.stem);
    case 'contains':
      return word.includes(pattern.stem);
  }
}
