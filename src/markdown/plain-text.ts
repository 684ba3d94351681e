import type { Token } from 'markdown-it';
import { md } from './parser.js';

// Text tokens already carry decoded entities and resolved escapes, so no HTML round trip.
function collectInline(tokens: Token[], parts: string[]): void {
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
    else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
    // An image's alt text stands for it, which is what a search or a preview wants.
    else if (token.type === 'image') collectInline(token.children ?? [], parts);
  }
}

// Counts code points, so an emoji is never cut in half.
function truncate(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  if (maxLength < 1) return '';
  let head = chars.slice(0, maxLength - 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  // Drop the partial last word, unless it is the only one.
  if (chars[maxLength - 1] !== ' ' && lastSpace > 0) head = head.slice(0, lastSpace);
  return `${head.replace(/[\s\p{P}]+$/u, '')}…`;
}

/** The plain text of an already parsed token stream (see renderMarkdownWithText). */
export function plainTextOf(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') collectInline(token.children ?? [], parts);
    else if (token.type === 'code_block' || token.type === 'fence') parts.push(token.content);
    // Block boundaries are word boundaries too.
    parts.push(' ');
  }
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/** The text a reader sees, on one line, for search snippets and previews. */
export function toPlainText(source: string, maxLength?: number): string {
  const text = plainTextOf(md.parse(source, {}));
  return maxLength === undefined ? text : truncate(text, maxLength);
}
