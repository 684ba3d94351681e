import type { MentionEnv } from './mentions.js';
import { md } from './parser.js';
import { sanitize } from './sanitize.js';

export interface RenderOptions {
  /** Where a mention points; receives the lower-cased handle. Defaults to `/u/<handle>`. */
  mentionHref?: (handle: string) => string;
}

/** Renders user Markdown to HTML that is safe to insert into a page as is. */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const env: MentionEnv = {};
  if (options.mentionHref) env.mentionHref = options.mentionHref;
  return sanitize(md.render(source, env));
}
