import { basename, resolve } from 'node:path';

/** The site a dump comes from, named by its folder: "french.meta.stackexchange.com". */
export function siteOf(dir: string): string {
  return basename(resolve(dir));
}

/** "french.meta.stackexchange.com" → "french-meta": a valid community slug (≤ 60 chars). */
export function defaultSlug(site: string): string {
  const slug = site
    .toLowerCase()
    .replace(/\.stackexchange\.com$|\.com$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'stackexchange';
}

/** A short tag for e-mail addresses when several sites share a database. */
export function emailTagOf(site: string): string {
  return defaultSlug(site).slice(0, 40);
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

/** The same rules as a community created on the pages: checked before anything is read. */
export function checkNames(slug: string | undefined, name: string | undefined): void {
  if (slug !== undefined && !SLUG.test(slug))
    throw new Error(`Invalid slug "${slug}": a-z, 0-9 and dashes, up to 60 characters.`);
  if (name !== undefined && (name.trim().length < 2 || name.trim().length > 120))
    throw new Error('The name must have 2 to 120 characters.');
}

export function defaultName(site: string): string {
  return `${site} (archives Stack Exchange)`;
}

export function purposeOf(site: string): string {
  return (
    `Les archives de ${site} : questions, réponses et commentaires importés du dump public ` +
    `de Stack Exchange, avec leurs dates d’origine.`
  );
}

export function charterOf(site: string): string {
  return [
    `Ces contenus viennent de ${site}, un site Stack Exchange. Ils sont publiés sous licence ` +
      `CC BY-SA (3.0 ou 4.0 selon leur date) par leurs auteurs et Stack Exchange, Inc.`,
    `Toute réutilisation doit citer la source (${site}) et les auteurs, et se faire sous la ` +
      `même licence.`,
    `Les comptes importés ne peuvent pas se connecter : ils ne servent qu’à attribuer chaque ` +
      `message à son auteur.`,
  ].join('\n\n');
}
