import type { Token } from 'markdown-it';
import { md } from './parser.js';

function* walk(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* walk(token.children);
  }
}

/**
 * The links (written or bare URLs, mentions left out) and images a post's text renders, read
 * from the same token stream as the rendering: what the new-account limits (src/trust/) refuse.
 */
export function countLinks(source: string): { links: number; images: number } {
  let links = 0;
  let images = 0;
  for (const token of walk(md.parse(source, {}))) {
    if (token.type === 'image') images += 1;
    else if (token.type === 'link_open' && !(token.meta as { mention?: string } | null)?.mention)
      links += 1;
  }
  return { links, images };
}
