import type { MentionEnv } from './mentions.js';
import { md } from './parser.js';
import { plainTextOf } from './plain-text.js';
import { sanitize } from './sanitize.js';

export interface RenderOptions {
  /** Where a mention points; receives the lower-cased handle. Defaults to `/u/<handle>`. */
  mentionHref?: (handle: string) => string;
}

function envOf(options: RenderOptions): MentionEnv {
  const env: MentionEnv = {};
  if (options.mentionHref) env.mentionHref = options.mentionHref;
  return env;
}

/** Renders user Markdown to HTML that is safe to insert into a page as is. */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  return sanitize(md.render(source, envOf(options)));
}

/**
 * renderMarkdown and toPlainText (untruncated) of the same source from a single parse: parsing
 * is most of toPlainText and about half of renderMarkdown, and importers need both for every post.
 */
export function renderMarkdownWithText(
  source: string,
  options: RenderOptions = {},
): { html: string; text: string } {
  const env = envOf(options);
  const tokens = md.parse(source, env);
  const text = plainTextOf(tokens);
  return { html: sanitize(md.renderer.render(tokens, md.options, env)), text };
}
