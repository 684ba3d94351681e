import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { isStopword } from './stopwords.js';

/** A word of a text: its folded form, where it sits in the original, and its stems. */
export interface Token {
  term: string;
  start: number;
  end: number;
  variants: string[];
}

/** A parsed query: one group of alternatives (French and English stems) per word. */
export interface ParsedQuery {
  text: string;
  groups: string[][];
}

const RAW_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const TERM = /[\p{L}\p{N}]+/gu;
const PLAIN_TERM = /^[\p{L}\p{N}]+$/u;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
// Stemming a 2,000-letter "word" is pointless; such tokens are matched as they are.
const MAX_STEMMED_LENGTH = 40;
const MAX_QUERY_CHARS = 500;
const MAX_QUERY_WORDS = 24;

function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
}

function stemsOf(term: string, accented: string | null): string[] {
  if (term.length > MAX_STEMMED_LENGTH || /^\p{N}+$/u.test(term)) return [term];
  // The French stemmer knows accented suffixes ("créées" → "cré"), so the accented
  // form is stemmed too, then folded; the folded form covers queries typed without accents.
  const stems = [stemFrench(term), stemEnglish(term)];
  if (accented !== null && accented !== term) stems.push(fold(stemFrench(accented)));
  return [...new Set(stems.filter((s) => PLAIN_TERM.test(s)))];
}

// Terms and stems of a written word, by the word in lower case: a post repeats its words, and
// stemming is the slow part of marking them (a snippet scans up to 20,000 characters).
const TERMS_CACHE_SIZE = 50_000;
const termsCache = new Map<string, { term: string; variants: string[] }[]>();

function termsOfWord(word: string): { term: string; variants: string[] }[] {
  const lower = word.toLowerCase();
  let terms = termsCache.get(lower);
  if (terms === undefined) {
    const folded = fold(lower);
    const accented = PLAIN_TERM.test(folded) ? lower.normalize('NFC') : null;
    terms = [...folded.matchAll(TERM)].map(([term]) => ({
      term,
      variants: stemsOf(term, accented),
    }));
    if (termsCache.size >= TERMS_CACHE_SIZE) termsCache.clear();
    termsCache.set(lower, terms);
  }
  return terms;
}

/** Splits text into lower-case, accent-free words of Unicode letters and digits, with stems. */
export function* iterateTokens(text: string): Generator<Token> {
  for (const match of text.matchAll(RAW_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    for (const { term, variants } of termsOfWord(match[0])) {
      yield { term, start, end, variants };
    }
  }
}

export function tokenize(text: string): Token[] {
  return [...iterateTokens(text)];
}

// Stems of a written word, space-separated, by the word as written: words repeat a lot (a
// 2,000-post forum has 200,000 words but 16,000 distinct ones) and stemming is the slow part.
const STEMS_CACHE_SIZE = 50_000;
const stemsCache = new Map<string, string>();

function indexedTermsOfWord(word: string): string {
  const cached = stemsCache.get(word);
  if (cached !== undefined) return cached;
  // Everything below depends on the lower-case word only: "Le" and "le" share their stems.
  const lower = word.toLowerCase();
  let stems = stemsCache.get(lower);
  if (stems === undefined) {
    const folded = fold(lower);
    const accented = PLAIN_TERM.test(folded) ? lower.normalize('NFC') : null;
    const all: string[] = [];
    for (const [term] of folded.matchAll(TERM)) all.push(...stemsOf(term, accented));
    stems = all.join(' ');
  }
  // Bounded: a huge import of unusual words must not keep them all.
  if (stemsCache.size >= STEMS_CACHE_SIZE) stemsCache.clear();
  stemsCache.set(lower, stems);
  stemsCache.set(word, stems);
  return stems;
}

/** The text an FTS5 column holds for a field: every stem of every word, space-separated. */
export function toIndexedTerms(text: string): string {
  const parts: string[] = [];
  // match() gives the words alone, without a match object each: most of the cost once cached.
  for (const word of text.match(RAW_WORD) ?? []) {
    const stems = indexedTermsOfWord(word);
    if (stems !== '') parts.push(stems);
  }
  return parts.join(' ');
}

/**
 * Reads what a member typed. Common French and English words are dropped unless the
 * query has nothing else, as PostgreSQL's configurations do.
 */
export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_CHARS).replace(/\0/g, ' ');
  const tokens = tokenize(text);
  const meaningful = tokens.filter((t) => !isStopword(t.term));
  const kept = meaningful.length > 0 ? meaningful : tokens;
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const token of kept) {
    const key = token.variants.join(' ');
    if (seen.has(key) || token.variants.length === 0) continue;
    seen.add(key);
    groups.push(token.variants);
  }
  return { text, groups: groups.slice(0, MAX_QUERY_WORDS) };
}

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** An FTS5 MATCH expression: every word required, each as any of its stems; all quoted. */
export function toFtsMatch(groups: string[][]): string {
  return groups
    .map((g) => (g.length === 1 ? quote(g[0] ?? '') : `(${g.map(quote).join(' OR ')})`))
    .join(' AND ');
}
