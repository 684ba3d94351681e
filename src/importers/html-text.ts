import sanitizeHtml from 'sanitize-html';

// Tags after which the text starts a new paragraph (a blank line in Markdown).
const BLOCKS = new Set('p div blockquote ul ol table tr hr pre h1 h2 h3 h4 h5 h6'.split(' '));

/** The inverse of the escaping sanitize-html applies to the text it hands to `textFilter`. */
function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Stack Exchange HTML → plain, Markdown-ish text: no tag survives, entities are decoded,
 * paragraphs become blank lines, list items "- " lines, quotes "> " lines, <pre> blocks
 * indented code, and a link's address follows its text (Markdown's linkify shows it).
 * sanitize-html does the parsing (allowing nothing); we only listen to its tags and text.
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

  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    onOpenTag(name, attribs) {
      if (name === 'pre') preDepth++;
      if (name === 'blockquote') quoteDepth++;
      if (name === 'a') links.push({ href: attribs.href ?? '', from: out.length });
      if (BLOCKS.has(name)) breakLine('\n\n');
      else if (name === 'br') breakLine('\n');
      else if (name === 'li') {
        breakLine('\n');
        emit('- ');
        atLineStart = true;
      }
    },
    onCloseTag(name) {
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
    },
    textFilter(escaped) {
      const text = unescape(escaped);
      if (preDepth > 0) pre += text;
      else {
        // HTML's own white space only: French typography needs its non-breaking spaces.
        let s = text.replace(/[ \t\n\r\f]+/g, ' ');
        if (atLineStart || out[out.length - 1]?.endsWith(' ')) s = s.replace(/^ /, '');
        if (s !== '') emit(s);
      }
      // What sanitize-html would return is not used: the text is collected above.
      return '';
    },
  });
  return out
    .join('')
    .split('\n')
    .map((l) =>
      l.startsWith('    ') ? l.replace(/[ \t]+$/, '') : l.replace(/^[ \t]+|[ \t]+$/g, ''),
    )
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
