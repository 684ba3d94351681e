import { Parser } from 'htmlparser2';
import { walkSimpleHtml, type HtmlEvents } from './simple-html.js';

// Tags after which the text starts a new paragraph (a blank line in Markdown).
const BLOCKS = new Set('p div blockquote ul ol table tr hr pre h1 h2 h3 h4 h5 h6'.split(' '));
// Tags whose content is not text a reader sees.
const HIDDEN = new Set(['script', 'style', 'textarea', 'option', 'xmp']);

const WHITE_SPACE = /[ \t\n\r\f]+/g;
const FOLDABLE = /[\t\n\r\f]| {2}/;

/**
 * Stack Exchange HTML → plain, Markdown-ish text: no tag survives, entities are decoded,
 * paragraphs become blank lines, list items "- " lines, quotes "> " lines, <pre> blocks
 * indented code, and a link's address follows its text (Markdown's linkify shows it).
 * Plain HTML is walked by walkSimpleHtml; any other goes through htmlparser2 (sanitize-html's
 * parser). Both report the same events to a TextWriter.
 */
export function htmlToText(html: string): string {
  const quick = new TextWriter();
  if (walkSimpleHtml(html, quick)) return quick.finish();
  const careful = new TextWriter();
  const parser = new Parser(careful);
  parser.write(html);
  parser.end();
  return careful.finish();
}

/** Builds the text from a parser's events: tags opened and closed, and text between them. */
class TextWriter implements HtmlEvents {
  private readonly out: string[] = [];
  private pendingBreak = '';
  private atLineStart = true;
  private preDepth = 0;
  private pre = '';
  private quoteDepth = 0;
  private readonly links: { href: string; from: number }[] = [];
  // The parser hands text over in pieces (one at each entity): they are joined before the white
  // space is folded, once per run of text between two tags.
  private text = '';
  // Inside a hidden tag: how many tags deep, every tag counted, as sanitize-html did.
  private hiddenDepth = 0;

  onopentag(name: string, attribs: Record<string, string>): void {
    this.flushText();
    if (name === 'pre') this.preDepth++;
    if (name === 'blockquote') this.quoteDepth++;
    if (name === 'a') this.links.push({ href: attribs.href ?? '', from: this.out.length });
    if (this.hiddenDepth > 0) this.hiddenDepth++;
    else if (HIDDEN.has(name)) this.hiddenDepth = 1;
    if (BLOCKS.has(name)) this.breakLine('\n\n');
    else if (name === 'br') this.breakLine('\n');
    else if (name === 'li') {
      this.breakLine('\n');
      this.emit('- ');
      this.atLineStart = true;
    }
  }

  onclosetag(name: string): void {
    this.flushText();
    if (name === 'pre' && this.preDepth > 0 && --this.preDepth === 0) {
      const lines = this.pre.replace(/\s+$/, '').split('\n');
      if (lines.some((l) => l.trim() !== '')) this.emit(lines.map((l) => `    ${l}`).join('\n'));
      this.pre = '';
    }
    if (name === 'a') {
      const link = this.links.pop();
      const text = link ? this.out.slice(link.from).join('').trim() : '';
      if (link && /^https?:\/\//.test(link.href) && text !== link.href)
        this.emit(` (${link.href})`);
    }
    if (BLOCKS.has(name)) this.breakLine('\n\n');
    else if (name === 'li') this.breakLine('\n');
    if (name === 'blockquote' && this.quoteDepth > 0) this.quoteDepth--;
    if (this.hiddenDepth > 0) this.hiddenDepth--;
  }

  ontext(piece: string): void {
    if (this.hiddenDepth > 0) return;
    if (this.preDepth > 0) this.pre += piece;
    else this.text += piece;
  }

  /** The text, once the HTML has been read whole. */
  finish(): string {
    this.flushText();
    const text = this.out.join('');
    // Most texts have no line to trim: no splitting for them.
    const trimmed = LINE_TO_TRIM.test(text) ? text.split('\n').map(trimLine).join('\n') : text;
    let from = 0;
    let to = trimmed.length;
    while (trimmed.charCodeAt(from) === 0x0a) from++;
    while (to > from && trimmed.charCodeAt(to - 1) === 0x0a) to--;
    return trimmed.slice(from, to);
  }

  private breakLine(b: '\n' | '\n\n'): void {
    if (this.out.length > 0 && b.length > this.pendingBreak.length) this.pendingBreak = b;
    this.atLineStart = true;
  }

  private emit(s: string): void {
    const quote = '> '.repeat(this.quoteDepth);
    const startsLine = this.pendingBreak !== '' || this.out.length === 0;
    this.out.push(
      this.pendingBreak,
      startsLine ? quote : '',
      quote ? s.replace(/\n/g, `\n${quote}`) : s,
    );
    this.pendingBreak = '';
    this.atLineStart = false;
  }

  private flushText(): void {
    if (this.text === '') return;
    // HTML's own white space only: French typography needs its non-breaking spaces. Most runs
    // have single spaces only, and are kept as they are.
    let s = FOLDABLE.test(this.text) ? this.text.replace(WHITE_SPACE, ' ') : this.text;
    this.text = '';
    if (
      s.charCodeAt(0) === 32 &&
      (this.atLineStart || this.out[this.out.length - 1]?.endsWith(' '))
    ) {
      s = s.slice(1);
    }
    if (s !== '') this.emit(s);
  }
}

// A blank at the start or the end of a line.
const LINE_TO_TRIM = /(?:^|\n)[ \t]|[ \t](?:\n|$)/;
const isBlank = (code: number) => code === 32 || code === 9;

/** A line without its trailing blanks, nor its leading ones unless it is indented code. */
function trimLine(l: string): string {
  // Most lines have nothing to trim: no regular expression for them.
  if (!isBlank(l.charCodeAt(0)) && !isBlank(l.charCodeAt(l.length - 1))) return l;
  return l.startsWith('    ') ? l.replace(/[ \t]+$/, '') : l.replace(/^[ \t]+|[ \t]+$/g, '');
}
