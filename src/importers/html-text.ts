import { Parser } from 'htmlparser2';

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
 * htmlparser2 (sanitize-html's parser) reads the HTML; we only listen to its tags and text.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let pendingBreak = '';
  let atLineStart = true;
  let preDepth = 0;
  let pre = '';
  let quoteDepth = 0;
  const links: { href: string; from: number }[] = [];

  const breakLine = (b: '\n' | '\n\n') => {
    if (out.length > 0 && b.length > pendingBreak.length) pendingBreak = b;
    atLineStart = true;
  };
  const emit = (s: string) => {
    const quote = '> '.repeat(quoteDepth);
    const startsLine = pendingBreak !== '' || out.length === 0;
    out.push(pendingBreak, startsLine ? quote : '', quote ? s.replace(/\n/g, `\n${quote}`) : s);
    pendingBreak = '';
    atLineStart = false;
  };

  // The parser hands text over in pieces (one at each entity): they are joined before the white
  // space is folded, once per run of text between two tags.
  let text = '';
  const flushText = () => {
    if (text === '') return;
    // HTML's own white space only: French typography needs its non-breaking spaces. Most runs
    // have single spaces only, and are kept as they are.
    let s = FOLDABLE.test(text) ? text.replace(WHITE_SPACE, ' ') : text;
    text = '';
    if (s.charCodeAt(0) === 32 && (atLineStart || out[out.length - 1]?.endsWith(' '))) {
      s = s.slice(1);
    }
    if (s !== '') emit(s);
  };

  // Inside a hidden tag: how many tags deep, every tag counted, as sanitize-html did.
  let hiddenDepth = 0;
  const parser = new Parser({
    onopentag(name, attribs) {
      flushText();
      if (name === 'pre') preDepth++;
      if (name === 'blockquote') quoteDepth++;
      if (name === 'a') links.push({ href: attribs.href ?? '', from: out.length });
      if (hiddenDepth > 0) hiddenDepth++;
      else if (HIDDEN.has(name)) hiddenDepth = 1;
      if (BLOCKS.has(name)) breakLine('\n\n');
      else if (name === 'br') breakLine('\n');
      else if (name === 'li') {
        breakLine('\n');
        emit('- ');
        atLineStart = true;
      }
    },
    onclosetag(name) {
      flushText();
      if (name === 'pre' && preDepth > 0 && --preDepth === 0) {
        const lines = pre.replace(/\s+$/, '').split('\n');
        if (lines.some((l) => l.trim() !== '')) emit(lines.map((l) => `    ${l}`).join('\n'));
        pre = '';
      }
      if (name === 'a') {
        const link = links.pop();
        const text = link ? out.slice(link.from).join('').trim() : '';
        if (link && /^https?:\/\//.test(link.href) && text !== link.href) emit(` (${link.href})`);
      }
      if (BLOCKS.has(name)) breakLine('\n\n');
      else if (name === 'li') breakLine('\n');
      if (name === 'blockquote' && quoteDepth > 0) quoteDepth--;
      if (hiddenDepth > 0) hiddenDepth--;
    },
    ontext(piece) {
      if (hiddenDepth > 0) return;
      if (preDepth > 0) pre += piece;
      else text += piece;
    },
  });
  parser.write(html);
  parser.end();
  flushText();
  return out
    .join('')
    .split('\n')
    .map(trimLine)
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const isBlank = (code: number) => code === 32 || code === 9;

/** A line without its trailing blanks, nor its leading ones unless it is indented code. */
function trimLine(l: string): string {
  // Most lines have nothing to trim: no regular expression for them.
  if (!isBlank(l.charCodeAt(0)) && !isBlank(l.charCodeAt(l.length - 1))) return l;
  return l.startsWith('    ') ? l.replace(/[ \t]+$/, '') : l.replace(/^[ \t]+|[ \t]+$/g, '');
}
