import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAdmin } from '../../src/accounts/index.js';
import { i18n } from '../../src/app.js';
import { defineJob, openJobs, type Jobs } from '../../src/jobs/index.js';
import { createTestStore, startTestApp, type TestApp, type TestStore } from '../harness.js';
import {
  adminCredentials,
  axeViolations,
  chromiumPath,
  describeViolations,
  hasChromium,
  isSerious,
  launchBrowser,
} from './browser.js';

const t = i18n.translator('fr');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const suiteName = hasChromium
  ? 'the failed jobs page in Chromium'
  : `the failed jobs page in Chromium (skipped: no ${chromiumPath})`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let db: TestStore;
  let jobs: Jobs;
  let app: TestApp;
  let mended = false;
  const job = defineJob({
    name: 'test.pulse-email',
    payload: z.object({ to: z.string() }),
    retries: 0,
    handler: () =>
      mended ? Promise.resolve() : Promise.reject(new Error('Connexion SMTP refusée')),
  });

  beforeAll(async () => {
    browser = await launchBrowser();
    db = await createTestStore('sqlite');
    jobs = openJobs(db.store);
    jobs.register(job);
    app = await startTestApp('sqlite', {}, db, { jobs });
    await jobs.start({ log: quiet, pollMs: 50 });
    await createAdmin(app.store, adminCredentials);
  });
  afterAll(async () => {
    await browser?.close();
    await jobs?.close();
    await app?.close();
    await db?.drop();
  });

  it('shows a failed job on a phone, accessibly, and retries it', async () => {
    const key = 'pulse:42:2026-W50:une-cle-assez-longue-pour-deborder-sur-un-telephone';
    const id = await jobs.enqueue(job, { to: 'ines@example.test' }, { key });
    for (let i = 0; i < 200 && (await jobs.find(id ?? ''))?.state !== 'failed'; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(`${app.url}/signin?next=/admin/jobs`);
      await page
        .getByLabel(t('accounts.field.email'), { exact: true })
        .fill(adminCredentials.email);
      await page
        .getByLabel(t('accounts.field.password'), { exact: true })
        .fill(adminCredentials.password);
      await Promise.all([
        page.waitForURL(/\/admin\/jobs$/),
        page.getByRole('button', { name: t('accounts.signin.submit'), exact: true }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Tâches de fond',
      );
      const failed = page.getByRole('region', { name: 'En échec' });
      await expect(failed.getByText('Connexion SMTP refusée').count()).resolves.toBe(1);
      // The wide table scrolls in its own box; the page itself does not.
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: window.innerWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.screen);
      const serious = (await axeViolations(page)).filter(isSerious);
      expect(serious, describeViolations(serious)).toEqual([]);
      mended = true;
      const retry = page.getByRole('button', { name: 'Relancer la tâche test.pulse-email' });
      await retry.scrollIntoViewIfNeeded();
      const box = await retry.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(24);
      expect(box?.height).toBeGreaterThanOrEqual(24);
      await Promise.all([page.waitForURL(/\/admin\/jobs$/), retry.click()]);
      await expect(page.getByRole('status').textContent()).resolves.toBe(
        'La tâche test.pulse-email est relancée : elle va tourner dans un instant.',
      );
    } finally {
      await context.close();
    }
  });
});
