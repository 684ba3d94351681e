import type { Env, StateCore, Token } from 'markdown-it';

export interface MentionEnv extends Env {
  mentionHref?: (handle: string) => string;
}

const defaultHref = (handle: string): string => `/u/${encodeURIComponent(handle)}`;

// The lookahead refuses a prefix of a longer word, of an over-long handle or of user@host.
const HANDLE = /@([a-z0-9_-]{3,30})(?![a-z0-9_@-])/giu;
// Characters that glue an '@' to what precedes it: e-mail local parts, URL paths, handles.
const GLUE = new Set(['_', '-', '.', '+', '@', '/']);

function opensMention(before: string | undefined): boolean {
  return before === undefined || (!/[\p{L}\p{N}\p{M}]/u.test(before) && !GLUE.has(before));
}

function textToken(state: StateCore, content: string, level: number): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  token.level = level;
  return token;
}

/** Splits one text token around its mentions; returns it unchanged when there are none. */
function splitMentions(state: StateCore, text: Token, href: (handle: string) => string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const match of text.content.matchAll(HANDLE)) {
    const handle = (match[1] ?? '').toLowerCase();
    if (!opensMention(text.content[match.index - 1])) continue;
    if (match.index > last)
      out.push(textToken(state, text.content.slice(last, match.index), text.level));
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [
      ['class', 'mention'],
      ['href', href(handle)],
    ];
    open.meta = { mention: handle };
    out.push(
      open,
      textToken(state, match[0], text.level + 1),
      new state.Token('link_close', 'a', -1),
    );
    last = match.index + match[0].length;
  }
  if (out.length === 0) return [text];
  if (last < text.content.length) out.push(textToken(state, text.content.slice(last), text.level));
  return out;
}

/** Core rule: code spans and blocks are not text tokens, and text inside links is skipped. */
export function mentionRule(state: StateCore): void {
  const href = (state.env as MentionEnv).mentionHref ?? defaultHref;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let linkDepth = 0;
    block.children = block.children.flatMap((token) => {
      if (token.type === 'link_open') linkDepth++;
      if (token.type === 'link_close') linkDepth--;
      return token.type === 'text' && linkDepth === 0 ? splitMentions(state, token, href) : [token];
    });
  }
}

/** The handle of a mention link, for readers of the token stream. */
export function mentionOf(token: Token): string | undefined {
  const handle = token.type === 'link_open' ? token.meta?.mention : undefined;
  return typeof handle === 'string' ? handle : undefined;
}

/**
 * `source` with every mention of `from` turned into one of `to` (a deleted account's tombstone),
 * by the same rules that make a mention; code spans included, so the old handle is gone.
 */
export function renameMention(source: string, from: string, to: string): string {
  return source.replace(HANDLE, (match: string, handle: string, offset: number) =>
    handle.toLowerCase() === from && opensMention(source[offset - 1]) ? `@${to}` : match,
  );
}
