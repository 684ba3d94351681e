import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRows } from '../src/importers/read-xml.js';

/**
 * The French Language Meta dump, read where it lies and never copied: beside the project
 * (`../shared`), or where RUCHE_SHARED_DATA points, or at the workplace's fixed place for clones
 * made elsewhere.
 */
export const frenchMetaDump =
  [
    process.env.RUCHE_SHARED_DATA,
    fileURLToPath(new URL('../../shared/data/', import.meta.url)),
    '/work/shared/data/',
  ]
    .filter((d): d is string => Boolean(d))
    .map((d) => join(d, 'french.meta.stackexchange.com/'))
    .find((d) => existsSync(join(d, 'Posts.xml'))) ??
  fail(
    'The French Language Meta dump was not found: set RUCHE_SHARED_DATA to the shared data folder.',
  );

/** Every post body and biography of the dump: the HTML the importer converts. */
export async function dumpHtml(): Promise<string[]> {
  const html: string[] = [];
  await readRows(join(frenchMetaDump, 'Posts.xml'), (row) => {
    const body = row.get('Body');
    if (body) html.push(body);
  });
  await readRows(join(frenchMetaDump, 'Users.xml'), (row) => {
    const about = row.get('AboutMe');
    if (about) html.push(about);
  });
  return html;
}

function fail(message: string): never {
  throw new Error(message);
}
