import { decodeHTML, decodeHTMLAttribute } from 'entities';

/** What a walk over HTML reports: the events of htmlparser2's Parser that htmlToText listens to. */
export interface HtmlEvents {
  onopentag(name: string, attribs: Record<string, string>): void;
  onclosetag(name: string): void;
  ontext(text: string): void;
}

// The tags a Markdown renderer writes. Any other tag sends the HTML to htmlparser2.
const KNOWN = new Set(
  (
    'a abbr b blockquote br code dd del div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li ' +
    'ol p pre q s small span strike strong sub sup table tbody td tfoot th thead tr u ul'
  ).split(' '),
);
const VOID = new Set(['br', 'hr', 'img']);
// Opening one of these tags first closes the innermost open tag while it is one of those listed
// (a <p> ends the paragraph before it), as htmlparser2 does.
const P = new Set(['p']);
const CLOSES = new Map<string, Set<string>>([
  ...'p h1 h2 h3 h4 h5 h6 blockquote div dl hr ol pre table ul'
    .split(' ')
    .map((name): [string, Set<string>] => [name, P]),
  ['li', new Set(['li'])],
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);

// HTML's blanks (not JavaScript's \s: a no-break space belongs to a name or a value).
// An opening tag: its name, then attributes each after blanks or a slash, quoted or plain. A
// plain value ends at a blank or `>` and holds no slash (htmlparser2 reads `href=a/b`, the walk
// does not): a slash is always a separator, and any tag is matched in linear time.
const OPEN_TAG =
  /<([a-zA-Z][a-zA-Z0-9]*)((?:[ \t\n\f\r/]+[^ \t\n\f\r/>="'<]+(?:[ \t\n\f\r]*=[ \t\n\f\r]*(?:"[^"]*"|'[^']*'|[^ \t\n\f\r/>"'=<`]+(?=[ \t\n\f\r>])))?)*)[ \t\n\f\r/]*>/y;
const CLOSE_TAG = /<\/([a-zA-Z][a-zA-Z0-9]*)[ \t\n\f\r]*>/y;
const ATTRIBUTE =
  /([^ \t\n\f\r/>="'<]+)(?:[ \t\n\f\r]*=[ \t\n\f\r]*(?:"([^"]*)"|'([^']*)'|([^ \t\n\f\r/>"'=<`]+(?=[ \t\n\f\r]|$))))?/g;

/**
 * Walks HTML the way htmlparser2's Parser does, reporting the same events, for the plain HTML a
 * Markdown renderer writes (Stack Exchange's posts): known tags, quoted or plain attributes,
 * comments; tags left open or closed out of order are closed as htmlparser2 closes them.
 * Regular expressions and `indexOf` do the scanning: several times faster than a parser reading
 * one character at a time, and from the first call on. On anything else (an unknown tag, a
 * stray `<`, a doctype) it stops and returns false, having maybe reported some events: the
 * caller then parses the HTML afresh with htmlparser2.
 */
export function walkSimpleHtml(html: string, events: HtmlEvents): boolean {
  const open: string[] = [];
  let at = 0;
  for (;;) {
    const lt = html.indexOf('<', at);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > at) {
      const text = html.slice(at, textEnd);
      events.ontext(text.includes('&') ? decodeHTML(text) : text);
    }
    if (lt < 0) break;
    const second = html.charCodeAt(lt + 1);
    if (second === 0x2f /* / */) {
      CLOSE_TAG.lastIndex = lt;
      const name = CLOSE_TAG.exec(html)?.[1]?.toLowerCase();
      if (name === undefined || !close(name, open, events)) return false;
      at = CLOSE_TAG.lastIndex;
    } else if (second === 0x21 /* ! */) {
      at = endOfComment(html, lt);
      if (at < 0) return false;
    } else {
      OPEN_TAG.lastIndex = lt;
      const tag = OPEN_TAG.exec(html);
      const name = tag?.[1]?.toLowerCase();
      if (name === undefined || !KNOWN.has(name)) return false;
      const closes = CLOSES.get(name);
      while (closes?.has(open[open.length - 1] ?? '')) events.onclosetag(open.pop() ?? '');
      events.onopentag(name, attributesOf(tag?.[2] ?? ''));
      if (VOID.has(name)) events.onclosetag(name);
      else open.push(name);
      at = OPEN_TAG.lastIndex;
    }
  }
  // As htmlparser2 does at the end: whatever is still open is closed, innermost first.
  for (let i = open.length - 1; i >= 0; i--) events.onclosetag(open[i] ?? '');
  return true;
}

function close(name: string, open: string[], events: HtmlEvents): boolean {
  if (!KNOWN.has(name)) return false;
  if (VOID.has(name)) {
    // A lone </br> is a line break; </hr> and </img> are nothing.
    if (name === 'br') {
      events.onopentag('br', {});
      events.onclosetag('br');
    }
    return true;
  }
  const at = open.lastIndexOf(name);
  if (at >= 0) {
    // Closing a tag closes every tag opened inside it and still open.
    while (open.length > at) events.onclosetag(open.pop() ?? '');
  } else if (name === 'p') {
    // A lone </p> is an empty paragraph.
    events.onopentag('p', {});
    events.onclosetag('p');
  }
  return true;
}

/** Past `<!-- … -->` starting at `lt`, or -1 for other markup and comments htmlparser2 reads its own way. */
function endOfComment(html: string, lt: number): number {
  if (!html.startsWith('<!--', lt)) return -1;
  // `<!-->` and `<!--->` are whole comments to htmlparser2.
  if (html.startsWith('>', lt + 4) || html.startsWith('->', lt + 4)) return -1;
  const end = html.indexOf('-->', lt + 4);
  return end < 0 ? -1 : end + 3;
}

/** A tag's attributes, names in lower case, the first of two alike kept, values decoded. */
function attributesOf(text: string): Record<string, string> {
  const attribs: Record<string, string> = {};
  if (text === '') return attribs;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m !== null; m = ATTRIBUTE.exec(text)) {
    const name = (m[1] ?? '').toLowerCase();
    if (Object.hasOwn(attribs, name)) continue;
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    attribs[name] = value.includes('&') ? decodeHTMLAttribute(value) : value;
  }
  return attribs;
}
