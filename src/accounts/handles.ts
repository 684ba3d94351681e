import type { Db } from '../db/index.js';
import { handlesStartingWith } from './store.js';

/** A readable @handle from a display name: "Élise Durand" → "elise-durand". */
export function handleBase(displayName: string): string {
  const base = displayName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return base.length >= 3 ? base : `membre${base ? `-${base}` : ''}`;
}

/** The first free handle among base, base-2, base-3… */
export async function freeHandle(db: Db, displayName: string): Promise<string> {
  const base = handleBase(displayName);
  const taken = new Set(await handlesStartingWith(db, base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
