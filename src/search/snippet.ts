import { iterateTokens, type Token } from './terms.js';

const SNIPPET_CHARS = 200;
const LEAD_CHARS = 60;
const SCANNED_CHARS = 20_000;

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

/**
 * A plain-text excerpt of the body around the first word matching the query, or its start.
 * The caller escapes it like any other text.
 */
export function makeSnippet(body: string, groups: string[][]): string {
  const wanted = new Set(groups.flat());
  let hit: Token | undefined;
  // A title-only match would otherwise stem the whole body looking for the word.
  for (const token of iterateTokens(body.slice(0, SCANNED_CHARS))) {
    if (token.variants.some((v) => wanted.has(v))) {
      hit = token;
      break;
    }
  }
  const from = hit === undefined || hit.start < LEAD_CHARS ? 0 : hit.start - LEAD_CHARS;
  const start = from === 0 ? 0 : adjustCut(body, from, 1);
  const end =
    start + SNIPPET_CHARS >= body.length ? body.length : adjustCut(body, start + SNIPPET_CHARS, -1);
  const excerpt = body.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${excerpt}${end < body.length ? '…' : ''}`;
}
