import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createAdmin } from '../../src/accounts/index.js';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
import type { TestApp } from '../harness.js';

/** The system Chromium (Debian package); the browser suites skip when it is missing. */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh, cookie-less French browser profile. */
export function frenchContext(browser: Browser, javaScriptEnabled = true): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled, locale: 'fr-FR' });
}

export type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** Runs axe-core on the loaded page; returns every violation (callers filter by impact). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return (await new AxeBuilder({ page }).analyze()).violations;
}

export const isSerious = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';

/**
 * No serious axe-core violation on the loaded page. axe-core runs as a script in the page: with
 * JavaScript off, a walk checks what shows only.
 */
export async function expectAccessible(page: Page, javaScript = true): Promise<void> {
  if (!javaScript) return;
  const serious = (await axeViolations(page)).filter(isSerious);
  expect(serious, describeViolations(serious)).toEqual([]);
}

/** Signs in through the French sign-in form, as a person would, and waits to be led away. */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string },
): Promise<void> {
  const t = i18n.translator('fr');
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(who.email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(who.password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/signin')),
    page.getByRole('button', { name: t('accounts.signin.submit'), exact: true }).click(),
  ]);
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact ?? '?'}] ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
}

export const adminCredentials = {
  email: 'admin@ruche.test',
  password: 'admin-password-0',
  displayName: 'Admin Ruche',
};

/** A sentence of the seeded communities' charter, to see that it is shown. */
export const charterRule = 'Soyez bienveillants et restez courtois.';

/** An admin signed in through the API, and the public community it creates. */
export async function seedCommunity(t: TestApp, slug: string) {
  await createAdmin(t.store, adminCredentials);
  const admin = new Client(t.url);
  const signin = await admin.api('POST', '/auth/signin', {
    email: adminCredentials.email,
    password: adminCredentials.password,
  });
  if (signin.status !== 200) throw new Error(`admin sign-in failed: ${signin.status}`);
  const created = await admin.api<{ community: { id: number; slug: string; name: string } }>(
    'POST',
    '/communities',
    {
      slug,
      name: `Entraide ${slug}`,
      purpose: 'S’entraider entre membres, poser ses questions et y répondre.',
      typology: 'internal_community',
      visibility: 'public',
      charter: `# Charte\n\n${charterRule}`,
    },
  );
  if (created.status !== 201) throw new Error(`community creation failed: ${created.status}`);
  return { admin, community: created.body.community };
}

/** What a page must keep whatever it shows: one main landmark, one h1, no injected active content. */
export async function pageShape(page: Page) {
  return page.evaluate(() => {
    const active: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'frame'].includes(tag)) active.push(`<${tag}>`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) active.push(`<${tag} ${name}>`);
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) &&
          /^\s*(javascript|vbscript):/i.test(attr.value)
        ) {
          active.push(`<${tag} ${name}="${attr.value.slice(0, 40)}">`);
        }
      }
    }
    const h1 = document.querySelectorAll('h1');
    return {
      mains: document.querySelectorAll('main').length,
      h1s: h1.length,
      h1Text: h1[0]?.textContent ?? '',
      active,
    };
  });
}
