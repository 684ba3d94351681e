import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('keeps paragraphs as blank lines and decodes entities', () => {
    expect(
      htmlToText('<p>Le <em>mot</em> &laquo;&nbsp;&amp;&nbsp;&raquo;</p>\n\n<p>Suite</p>'),
    ).toBe('Le mot «\u00a0&\u00a0»\n\nSuite');
  });

  it('turns <pre><code> into indented code, keeping its lines and its < signs', () => {
    expect(htmlToText('<p>Voici :</p><pre><code>if (a &lt; b)\n  f();\n</code></pre>')).toBe(
      'Voici :\n\n    if (a < b)\n      f();',
    );
  });

  it('writes lists, quotes and link addresses the way Markdown reads them', () => {
    expect(
      htmlToText(
        '<ul><li>un</li><li><a href="https://fr.wikipedia.org/">deux</a></li></ul>' +
          '<blockquote><p>cité</p></blockquote>',
      ),
    ).toBe('- un\n- deux (https://fr.wikipedia.org/)\n\n> cité');
  });

  it('lets no tag through, and drops what scripts and styles hold', () => {
    const text = htmlToText(
      '<p onclick="x()">a<img src=x onerror="alert(1)"><script>alert(2)</script><style>p{}</style>b</p>',
    );
    expect(text).toBe('ab');
  });

  it('trims the blanks left at the ends of lines, but not the indentation of code', () => {
    expect(
      htmlToText('<p>un <br> deux </p><ul><li> trois </li></ul><pre><code>  code  \n</code></pre>'),
    ).toBe('un\ndeux\n\n- trois\n\n      code');
  });
});
