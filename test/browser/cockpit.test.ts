import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ensureDemo } from '../../src/demo/index.js';
import { createTestStore, startTestApp, type TestApp, type TestStore } from '../harness.js';
import {
  axeViolations,
  describeViolations,
  frenchContext,
  hasChromium,
  isSerious,
  launchBrowser,
} from './browser.js';

type Figures = {
  circles: { counts: Record<string, number>; participating_share: number };
  ladder: { reached: number; anonymous_visitors: number; interacting: number; engaged: number };
  responsiveness: { topics: number; unanswered: unknown[] };
  newcomers: { count: number };
  period: { to: string };
  activity: {
    churn: number;
    active_last_30d: number;
    monthly: {
      month: string;
      mau: number;
      stickiness: number | null;
      growth: number;
      churn: number | null;
    }[];
  };
};

/** The demo community's cockpit, as an animator sees it in French. */
describe.skipIf(!hasChromium)('the cockpit in a browser', () => {
  let db: TestStore;
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const path = '/c/reseau-des-benevoles/cockpit?days=90';
  // What the browser reports as going wrong: script errors, resources that failed to load.
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    db = await createTestStore('sqlite');
    await ensureDemo(db.store, { log: () => undefined, progress: false });
    t = await startTestApp('sqlite', {}, db);
    browser = await launchBrowser();
    page = await (await frenchContext(browser)).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} ${m.location().url}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(`${t.url}/signin`);
    await page.getByLabel('Adresse e-mail').fill('camille@demo.ruche.test');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${t.url}/`);
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await t.close();
    await db.drop();
  });

  it('reaches the cockpit from the community page and draws every chart beside its table', async () => {
    await page.goto(`${t.url}/c/reseau-des-benevoles`);
    await page.getByRole('link', { name: 'Tableau de bord', exact: true }).click();
    await page.waitForURL(`${t.url}/c/reseau-des-benevoles/cockpit`);
    await page.goto(`${t.url}${path}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Tableau de bord du Réseau des bénévoles',
    );
    for (const heading of [
      'Cycle de vie',
      'Cercles',
      'Échelle d’engagement',
      'Réactivité',
      'Nouveaux membres',
      'Concentration',
      'Activité',
    ]) {
      expect(
        await page.getByRole('heading', { level: 2, name: heading, exact: true }).count(),
        heading,
      ).toBe(1);
    }
    const drawn = await page.evaluate(() => {
      const chart = (window as unknown as { Chart?: { getChart(c: HTMLCanvasElement): unknown } })
        .Chart;
      return [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].map((c) => ({
        name: c.dataset.chart,
        drawn: Boolean(chart?.getChart(c)) && c.width > 0,
      }));
    });
    expect(drawn).toEqual(
      [
        'stages',
        'circles',
        'ladder',
        'flows',
        'responsiveness',
        'newcomers',
        'curve',
        'dau',
        'wau',
        'mau',
        'arrivals',
        'stickiness',
      ].map((name) => ({ name, drawn: true })),
    );
    expect(await page.locator('table.figures').count()).toBeGreaterThanOrEqual(8);
    // The stages chart draws each group's member share in its stage's colour, as its table says.
    const bars = await page.evaluate(() => {
      type Drawn = { data: { labels: string[]; datasets: { label: string; data: unknown[] }[] } };
      const chart = (window as unknown as { Chart: { getChart(c: Element): Drawn } }).Chart;
      const canvas = document.querySelector('canvas[data-chart="stages"]');
      const { labels, datasets } = canvas
        ? chart.getChart(canvas).data
        : { labels: [], datasets: [] };
      return labels.map((group, i) => {
        const set = datasets.find((d) => d.data[i] !== null);
        return { group, stage: set?.label, percent: set ? Number(set.data[i]) : null };
      });
    });
    const stageRows = await page
      .locator('table.figures', {
        has: page.locator('caption', { hasText: 'Étape de chaque groupe' }),
      })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
      );
    expect(bars.length).toBeGreaterThan(1);
    expect(bars.map((b) => b.group)).toEqual(stageRows.map((r) => r[0]));
    // A group with no contribution in 30 days has no member share to draw: no bar, no share in
    // its row (its stage is still in the table). Every other group's bar is in its stage's colour.
    bars.forEach((b, i) => {
      const row = stageRows[i] ?? [];
      const shown = (row[2] ?? '').replace(/\D/g, '');
      if (b.stage === undefined) {
        expect(shown).toBe('');
        return;
      }
      expect(b.stage).toBe(row[1]);
      // The chart draws tenths of a percent, the table whole ones: "80 %" is a bar of 79.5 to 80.5.
      expect(Math.abs((b.percent ?? NaN) - Number(shown))).toBeLessThanOrEqual(0.5);
    });
    expect(bars.filter((b) => b.stage !== undefined).length).toBeGreaterThan(1);
    // Nothing failed on the way: no script error, no missing resource (not even the icon).
    await page.waitForLoadState('networkidle');
    expect(consoleErrors).toEqual([]);
  });

  it('writes the period, the months, the weeks and the days in French, not as ISO keys', async () => {
    // From the first of the month three months ago to the first of this month (excluded).
    const now = new Date();
    const first = (monthsAgo: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1))
        .toISOString()
        .slice(0, 10);
    await page.goto(`${t.url}/c/reseau-des-benevoles/cockpit?from=${first(3)}&to=${first(0)}`);
    const word = '[a-zéû]+\\.?';
    expect(await page.locator('.period-forms p.muted').textContent()).toMatch(
      new RegExp(`^Du 1er ${word} \\d{4} au \\d{2} ${word} \\d{4} inclus$`),
    );
    const rowHeads = (caption: string) =>
      page
        .locator('table.figures', { has: page.locator('caption', { hasText: caption }) })
        .locator('tbody th')
        .allTextContents();
    const months = await rowHeads('Flux d’un mois à l’autre');
    expect(months.length).toBeGreaterThan(0);
    // Whole months: none is marked incomplete.
    for (const month of months) expect(month).toMatch(new RegExp(`^${word} \\d{4}$`));
    const weeks = await rowHeads('Actifs dans la semaine');
    expect(weeks.length).toBeGreaterThanOrEqual(13);
    for (const week of weeks) {
      expect(week).toMatch(
        new RegExp(`^Semaine du \\d{1,2}(er)? ${word} \\d{4}( \\(semaine incomplète\\))?$`),
      );
    }
    // A week the period starts inside of counts only some of its days, and says so.
    const startsOnMonday = new Date(first(3)).getUTCDay() === 1;
    expect(weeks[0]?.endsWith('(semaine incomplète)')).toBe(!startsOnMonday);
    expect(weeks.slice(1, -1).every((w) => !w.includes('incomplète'))).toBe(true);
    // Over the last 90 days the flows still compare whole months: only the month under way,
    // which `to` cuts, can be incomplete, not the one the period starts inside of.
    await page.goto(`${t.url}${path}`);
    const flows = await rowHeads('Flux d’un mois à l’autre');
    expect(flows.length).toBeGreaterThan(1);
    for (const month of flows.slice(0, -1)) expect(month).toMatch(new RegExp(`^${word} \\d{4}$`));
    await page.goto(`${t.url}/c/reseau-des-benevoles/cockpit?from=${first(3)}&to=${first(0)}`);
    // Last contributions are days: no hour of midnight after them.
    for (const line of await page.locator('#inactive-core-title + p + ul li').allTextContents()) {
      expect(line).toMatch(
        new RegExp(
          `\\d+ contributions? sur 90 jours, la dernière le \\d{1,2}(er)? ${word} \\d{4}( — Lui écrire)?$`,
        ),
      );
    }
  });

  it('leads from the figures to the posts and groups behind them', async () => {
    await page.goto(`${t.url}${path}`);
    // At a glance, what waits for the animator, each tile a way to its section.
    const glance = (await (
      await page.request.get(`${t.url}/api/v1/communities/1/analytics?days=90`)
    ).json()) as Figures;
    const tile = page.getByRole('link', { name: /\d+ Sujets sans réponse$/ });
    expect(await tile.locator('.figure').textContent()).toBe(
      String(glance.responsiveness.unanswered.length),
    );
    await tile.click();
    await page.waitForURL(`${t.url}${path}#responsiveness-title`);
    const active = page.getByRole('link', { name: /^\d+ Actifs sur les 30 derniers jours/ });
    expect(await active.locator('.figure').textContent()).toBe(
      new Intl.NumberFormat('fr').format(glance.activity.active_last_30d),
    );
    expect(await active.locator('.note').textContent()).toMatch(/^\d+ les 30 jours d’avant$/);
    // Each newcomer left unanswered comes with their first post, one click away.
    // Open for staff when someone waits: the to-do is one click from the welcome.
    const newcomers = page.locator('details', { hasText: 'Nouveaux sans réponse en 48 h' });
    expect(await newcomers.getAttribute('open')).not.toBeNull();
    const items = newcomers.locator('li');
    expect(await items.count()).toBeGreaterThan(0);
    for (const line of await items.allTextContents()) {
      expect(line).toMatch(/ — .+ \d{1,2}(er)? [a-zéû]+\.? \d{4}/);
    }
    const post = items.first().locator('a').nth(1);
    const href = (await post.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/c\/reseau-des-benevoles\/t\/\d+(#reply-\d+)?$/);
    await post.click();
    await page.waitForURL(`${t.url}${href}`);
    const reply = /#(reply-\d+)$/.exec(href)?.[1];
    if (reply) expect(await page.locator(`#${reply}`).count()).toBe(1);
    else expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    // Behind the newcomers' count, who they are: first post, and the response it got.
    await page.goto(`${t.url}${path}`);
    const fresh = page.locator('details', { hasText: 'Les nouveaux contributeurs' });
    await fresh.locator('summary').click();
    const freshItems = fresh.locator('li');
    expect(await freshItems.count()).toBe(Math.min(glance.newcomers.count, 200));
    for (const line of await freshItems.allTextContents()) {
      expect(line).toMatch(
        / — .+ \d{1,2}(er)? [a-zéû]+\.? \d{4}, \d\d:\d\d · (pas encore de réponse|répondu en \d+ (min|h|j) par .+)$/,
      );
    }
    // Behind the churn figure, the members who left, each a link to their profile.
    await page.goto(`${t.url}${path}`);
    const api = (await (
      await page.request.get(`${t.url}/api/v1/communities/1/analytics?days=90`)
    ).json()) as Figures;
    expect(api.activity.churn).toBeGreaterThan(0);
    const left = page.locator('details', { hasText: 'Les membres partis' });
    expect(await left.locator('summary').textContent()).toBe(
      `Les membres partis (${api.activity.churn})`,
    );
    await left.locator('summary').click();
    const leftItems = left.locator('li');
    expect(await leftItems.count()).toBe(api.activity.churn);
    const profile = leftItems.first().getByRole('link').first();
    const profileHref = (await profile.getAttribute('href')) ?? '';
    expect(profileHref).toMatch(/^\/u\//);
    await profile.click();
    await page.waitForURL(`${t.url}${profileHref}`);
    // A group's row in the lifecycle table opens that group's cockpit, same period.
    await page.goto(`${t.url}${path}`);
    await page.getByRole('link', { name: 'Accueil des nouveaux', exact: true }).click();
    await page.waitForURL(`${t.url}/c/reseau-des-benevoles/g/accueil-des-nouveaux/cockpit?days=90`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Tableau de bord d’Accueil des nouveaux',
    );
  });

  it('passes axe-core with no serious or critical violation, for the community and a group', async () => {
    for (const address of [path, '/c/reseau-des-benevoles/g/accueil-des-nouveaux/cockpit']) {
      const res = await page.goto(`${t.url}${address}`);
      expect(res?.status(), address).toBe(200);
      const serious = (await axeViolations(page)).filter(isSerious);
      expect(serious, describeViolations(serious)).toEqual([]);
    }
  });

  it('fits a phone: wide tables scroll in their own named box, which the keyboard reaches', async () => {
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(`${t.url}${path}`);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: document.documentElement.clientWidth,
      }));
      // WCAG 1.4.10: no sideways scrolling of the page itself.
      expect(widths.page).toBe(widths.screen);
      const boxes = page.locator('.table-scroll[tabindex="0"][role="region"]');
      const names = await boxes.evaluateAll((list) =>
        list.map((box) => ({
          name: box.getAttribute('aria-label'),
          scrolls: box.scrollWidth > box.clientWidth,
        })),
      );
      expect(names).toContainEqual({ name: 'Tableau défilant : Cercles', scrolls: true });
      expect(names.every((b) => b.scrolls && Boolean(b.name))).toBe(true);
      // The circles' box takes the focus; the arrow keys then scroll it.
      const circles = page.getByRole('region', { name: 'Tableau défilant : Cercles' });
      await circles.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      // Keyboard scrolling is animated: wait for it rather than read it at once.
      await expect.poll(() => circles.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
      const serious = (await axeViolations(page)).filter(isSerious);
      expect(serious, describeViolations(serious)).toEqual([]);
    } finally {
      if (viewport) await page.setViewportSize(viewport);
    }
  });

  it('offers a CSV whose figures match the API and the tables on the page', async () => {
    await page.goto(`${t.url}${path}`);
    const api = (await (
      await page.request.get(`${t.url}/api/v1/communities/1/analytics?days=90`)
    ).json()) as Figures;
    const href = await page
      .getByRole('link', { name: 'Télécharger les chiffres (CSV)' })
      .getAttribute('href');
    const csv = await (await page.request.get(`${t.url}${href ?? ''}`)).text();
    const values = new Map(
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .map(([section, name, point, value]) => [
          `${section}.${name}${point ? `@${point}` : ''}`,
          value,
        ]),
    );
    for (const circle of ['core', 'contributor', 'reactor', 'lurker', 'dormant']) {
      expect(values.get(`circles.counts.${circle}`), circle).toBe(
        String(api.circles.counts[circle]),
      );
    }
    expect(values.get('ladder.reached')).toBe(String(api.ladder.reached));
    // The demo's public community has readers without an account: reached counts them too.
    expect(api.ladder.anonymous_visitors).toBeGreaterThan(0);
    expect(values.get('ladder.anonymous_visitors')).toBe(String(api.ladder.anonymous_visitors));
    const visitorsRow = page.getByRole('row', { name: /dont visiteurs anonymes/ });
    expect(await visitorsRow.getByRole('cell').first().textContent()).toBe(
      new Intl.NumberFormat('fr').format(api.ladder.anonymous_visitors),
    );
    expect(values.get('responsiveness.topics')).toBe(String(api.responsiveness.topics));
    // Behind the core's count, its members by name, for the animator.
    const core = api.circles.counts.core ?? 0;
    expect(core).toBeGreaterThan(0);
    await page.getByText(`Les membres du noyau (${core})`).click();
    const coreList = page.locator('#circles-title ~ details ul li');
    expect(await coreList.count()).toBe(Math.min(core, 200));
    expect(await coreList.first().getByRole('link').getAttribute('href')).toMatch(/^\/u\//);
    const coreRow = page.getByRole('row', { name: /^Noyau/ });
    expect(await coreRow.getByRole('cell').first().textContent()).toBe(
      new Intl.NumberFormat('fr').format(api.circles.counts.core ?? 0),
    );
    // The circles against 1/9/90: the rule's share beside each, and who participates.
    const percent = (n: number) => new Intl.NumberFormat('fr', { style: 'percent' }).format(n);
    expect(await coreRow.getByRole('cell').nth(2).textContent()).toBe(percent(0.01));
    const participating = page.getByRole('row', { name: /^Participent/ });
    expect(await participating.getByRole('cell').allTextContents()).toEqual([
      new Intl.NumberFormat('fr').format(core + (api.circles.counts.contributor ?? 0)),
      percent(api.circles.participating_share),
      percent(0.1),
    ]);
    // Month by month, the table and the CSV carry the API's figures; the month under way has
    // no departures yet.
    const monthRows = page
      .locator('table.figures', { has: page.locator('caption', { hasText: 'Mois par mois' }) })
      .locator('tbody tr');
    const monthly = api.activity.monthly;
    expect(await monthRows.count()).toBe(monthly.length);
    const toCutsMonth = new Date(api.period.to).getUTCDate() !== 1;
    if (toCutsMonth) expect(monthly.at(-1)?.churn).toBeNull();
    expect(monthly.slice(0, -1).some((m) => (m.churn ?? 0) > 0)).toBe(true);
    const count = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat('fr').format(n));
    for (const [i, m] of monthly.entries()) {
      expect(await monthRows.nth(i).getByRole('cell').allTextContents(), m.month).toEqual([
        count(m.mau),
        m.stickiness === null ? '—' : percent(m.stickiness),
        count(m.growth),
        count(m.churn),
      ]);
      expect(values.get(`activity.monthly.churn@month=${m.month}`)).toBe(
        m.churn === null ? '' : String(m.churn),
      );
      expect(values.get(`activity.monthly.growth@month=${m.month}`)).toBe(String(m.growth));
    }
  });
});
