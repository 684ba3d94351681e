import { iterateTokens } from './terms.js';

/** A piece of plain text, marked when it is one of the words searched for. */
export interface TextPart {
  text: string;
  mark: boolean;
}

interface Match {
  start: number;
  end: number;
  /** Which word of the query it is (its index in the query's groups). */
  word: number;
}

const SNIPPET_CHARS = 200;
const LEAD_CHARS = 60;
const SCANNED_CHARS = 20_000;
// Where a snippet may start: around one of the first matches, enough to find the richest window.
const MAX_ANCHORS = 200;

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves a cut point to the nearest whitespace within reach, never inside a surrogate pair. */
function adjustCut(text: string, index: number, direction: 1 | -1): number {
  let i = Math.max(0, Math.min(text.length, index));
  for (let step = 0; step < 30 && i > 0 && i < text.length; step++, i += direction) {
    if (/\s/.test(text.charAt(i))) return i;
  }
  i = Math.max(0, Math.min(text.length, index));
  return i < text.length && isLowSurrogate(text, i) ? i - 1 : i;
}

/** The words of `text` that are words of the query (any of their stems), in order. */
function findMatches(text: string, groups: string[][]): Match[] {
  const wordOf = new Map<string, number>();
  groups.forEach((group, word) => {
    for (const stem of group) if (!wordOf.has(stem)) wordOf.set(stem, word);
  });
  const matches: Match[] = [];
  for (const token of iterateTokens(text)) {
    const word = token.variants.map((v) => wordOf.get(v)).find((w) => w !== undefined);
    // A word folded into several terms ("x²") is reported once.
    if (word !== undefined && matches.at(-1)?.start !== token.start) {
      matches.push({ start: token.start, end: token.end, word });
    }
  }
  return matches;
}

/** Cuts text into parts, marking the matches, which lie between `from` and `to`. */
function toParts(text: string, matches: Match[], from: number, to: number): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const m of matches) {
    if (m.start < at || m.end > to) continue;
    if (m.start > at) parts.push({ text: text.slice(at, m.start), mark: false });
    parts.push({ text: text.slice(m.start, m.end), mark: true });
    at = m.end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  return parts;
}

/** Joins neighbouring unmarked parts and drops empty ones. */
function tidy(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part.text === '') continue;
    if (last && !last.mark && !part.mark) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** The plain text of parts, as an API client or a page without marks shows it. */
export function plainText(parts: TextPart[]): string {
  return parts.map((p) => p.text).join('');
}

/** The whole text (a title) with the words of the query marked. */
export function highlight(text: string, groups: string[][]): TextPart[] {
  return tidy(toParts(text, findMatches(text, groups), 0, text.length));
}

/** The start of the window (around one match) that holds the most distinct words searched. */
function bestWindowStart(matches: Match[]): number {
  let best = { start: 0, words: 0 };
  for (const anchor of matches.slice(0, MAX_ANCHORS)) {
    const start = Math.max(0, anchor.start - LEAD_CHARS);
    const words = new Set(
      matches.filter((m) => m.start >= start && m.end <= start + SNIPPET_CHARS).map((m) => m.word),
    ).size;
    if (words > best.words) best = { start, words };
  }
  return best.start;
}

/**
 * A plain-text excerpt of the body around the words searched for (the window holding most of
 * them), marked; the start of the body when none is in it (only the title matched). The caller
 * escapes the text like any other.
 */
export function makeSnippet(body: string, groups: string[][]): TextPart[] {
  // A title-only match would otherwise stem the whole of a long body looking for the word.
  const matches = findMatches(body.slice(0, SCANNED_CHARS), groups);
  const from = bestWindowStart(matches);
  const start = from === 0 ? 0 : adjustCut(body, from, 1);
  const end =
    start + SNIPPET_CHARS >= body.length ? body.length : adjustCut(body, start + SNIPPET_CHARS, -1);
  const parts = toParts(body, matches, start, end).map((p) => ({
    ...p,
    text: p.text.replace(/\s+/g, ' '),
  }));
  const first = parts[0];
  const last = parts.at(-1);
  if (first && !first.mark) first.text = first.text.trimStart();
  if (last && !last.mark) last.text = last.text.trimEnd();
  return tidy([
    { text: start > 0 ? '…' : '', mark: false },
    ...parts,
    { text: end < body.length ? '…' : '', mark: false },
  ]);
}
