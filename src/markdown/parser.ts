import MarkdownIt from 'markdown-it';
import { mentionRule } from './mentions.js';

/**
 * The single configured parser: renderMarkdown, extractMentions, toPlainText and the spec test
 * all read the same token stream, so what is mentioned is exactly what is rendered.
 */
export const md = new MarkdownIt('commonmark', {
  // Raw HTML would hand authors the whole of HTML; sanitising stays a second line of defence.
  html: false,
  linkify: true,
});

// The GFM extensions people expect from a forum; none of them changes a CommonMark example.
md.enable(['linkify', 'table', 'strikethrough']);

// GFM writes strikethrough as <del>, the tag our allow-list knows; markdown-it writes <s>.
md.renderer.rules.s_open = () => '<del>';
md.renderer.rules.s_close = () => '</del>';

// Only explicit http(s) URLs and e-mails: fuzzy domains would turn "README.md" into a link,
// and ftp: or protocol-relative links would be stripped by the sanitiser anyway.
md.linkify.set({ fuzzyLink: false }).add('ftp:', null).add('//', null);

// After text_join, so each run of text is one token and escapes are already resolved.
md.core.ruler.push('mentions', mentionRule);
