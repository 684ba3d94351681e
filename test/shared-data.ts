import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

function fail(message: string): never {
  throw new Error(message);
}
