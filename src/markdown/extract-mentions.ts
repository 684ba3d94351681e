import type { Token } from 'markdown-it';
import { mentionOf } from './mentions.js';
import { md } from './parser.js';

function* walk(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* walk(token.children);
  }
}

/**
 * Distinct lower-cased handles, in order of first mention. Read from the token stream rather
 * than the source, so whatever is rendered as a mention is notified and nothing else is.
 */
export function extractMentions(source: string): string[] {
  const handles = new Set<string>();
  for (const token of walk(md.parse(source, {}))) {
    const handle = mentionOf(token);
    if (handle !== undefined) handles.add(handle);
  }
  return [...handles];
}
