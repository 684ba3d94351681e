import { fits, fold, MIN_WILDCARD_STEM, parseEntry, WORD, type WordPattern } from './patterns.js';

export type WatchAction = 'flag' | 'hold' | 'block';

/** Strongest first: one post matching several lists gets the strongest list's action. */
const STRENGTH: Record<WatchAction, number> = { flag: 1, hold: 2, block: 3 };

/** A list as the matcher needs it: its entries as written (each one already validated). */
export interface ListToCompile {
  id: number;
  action: WatchAction;
  entries: string[];
}

interface CompiledEntry {
  listId: number;
  action: WatchAction;
  entry: string;
  words: WordPattern[];
  /** The same (list, entry) is reported once per check. */
  key: string;
}

/**
 * A community's lists, ready to match: entries indexed by their first word — whole, or its
 * first or last letters for a wildcard (a wildcard has at least MIN_WILDCARD_STEM letters) —
 * so that a word of a text looks up its few candidates instead of trying every entry.
 */
export interface CompiledLists {
  exact: Map<string, CompiledEntry[]>;
  prefix: Map<string, CompiledEntry[]>;
  suffix: Map<string, CompiledEntry[]>;
  contains: CompiledEntry[];
  size: number;
}

const KEY = MIN_WILDCARD_STEM;

function add(map: Map<string, CompiledEntry[]>, key: string, entry: CompiledEntry) {
  const bucket = map.get(key);
  if (bucket) bucket.push(entry);
  else map.set(key, [entry]);
}

// UTF-16 units are enough: a word that starts (ends) with a stem starts (ends) with its units.
const head = (word: string) => word.slice(0, KEY);
const tail = (word: string) => word.slice(-KEY);

export interface WatchMatch {
  listId: number;
  entry: string;
  action: WatchAction;
  /** The words of the text that matched, as the author wrote them (for the block message). */
  word: string;
  /** Which of the texts given (title, body…) it was found in. */
  text: number;
}

export interface WatchCheck {
  action: WatchAction | null;
  matches: WatchMatch[];
}

export function compileLists(lists: ListToCompile[]): CompiledLists {
  const compiledLists: CompiledLists = {
    exact: new Map(),
    prefix: new Map(),
    suffix: new Map(),
    contains: [],
    size: 0,
  };
  for (const list of lists)
    for (const entry of list.entries) {
      const parsed = parseEntry(entry);
      // Stored entries were checked when saved; one a later rule refuses is skipped, not fatal.
      if (!parsed.ok) continue;
      const compiled = {
        listId: list.id,
        action: list.action,
        entry,
        words: parsed.words,
        key: `${list.id}\u0000${entry}`,
      };
      const [first] = parsed.words;
      if (!first) continue;
      switch (first.kind) {
        case 'exact':
          add(compiledLists.exact, first.stem, compiled);
          break;
        case 'prefix':
          add(compiledLists.prefix, head(first.stem), compiled);
          break;
        case 'suffix':
          add(compiledLists.suffix, tail(first.stem), compiled);
          break;
        case 'contains':
          compiledLists.contains.push(compiled);
          break;
      }
      compiledLists.size++;
    }
  return compiledLists;
}

interface Token {
  folded: string;
  start: number;
  end: number;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    folded: fold(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function matchesAt(entry: CompiledEntry, tokens: Token[], i: number): boolean {
  if (i + entry.words.length > tokens.length) return false;
  return entry.words.every((w, k) => fits(w, tokens[i + k]?.folded ?? ''));
}

/**
 * Every entry found in the texts, each (list, entry) once, with the strongest action:
 * whole words only (`con` is not in « conseil »), accents and case folded, phrases as
 * consecutive words.
 */
export function matchTexts(compiled: CompiledLists, texts: string[]): WatchCheck {
  const matches: WatchMatch[] = [];
  if (compiled.size === 0) return { action: null, matches };
  const seen = new Set<string>();
  texts.forEach((text, textIndex) => {
    const normal = text.normalize('NFC');
    const tokens = tokensOf(normal);
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]?.folded ?? '';
      for (const candidates of [
        compiled.exact.get(word),
        compiled.prefix.get(head(word)),
        compiled.suffix.get(tail(word)),
        compiled.contains,
      ]) {
        if (candidates)
          for (const c of candidates) {
            if (seen.has(c.key) || !matchesAt(c, tokens, i)) continue;
            seen.add(c.key);
            const last = tokens[i + c.words.length - 1];
            matches.push({
              listId: c.listId,
              entry: c.entry,
              action: c.action,
              word: normal.slice(tokens[i]?.start ?? 0, last?.end ?? 0),
              text: textIndex,
            });
          }
      }
    }
  });
  return { action: strongest(matches), matches };
}

function strongest(matches: WatchMatch[]): WatchAction | null {
  let best: WatchAction | null = null;
  for (const m of matches)
    if (best === null || STRENGTH[m.action] > STRENGTH[best]) best = m.action;
  return best;
}
