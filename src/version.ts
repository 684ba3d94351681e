import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Ruche's version, from package.json: the API document and `ruche --version` give it. */
export const VERSION = pkg.version;
