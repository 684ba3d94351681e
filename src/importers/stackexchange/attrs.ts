import type { XmlRow } from '../read-xml.js';

// Votes.xml dates are whole days, in order: most rows repeat the date of the row before.
let lastText = '';
let lastTime = NaN;

/** Dump dates are UTC without a zone ("2011-08-17T20:18:56.507"): read them as such. */
export function dateOf(row: XmlRow, name = 'CreationDate'): number {
  const v = row.get(name);
  if (v === lastText) return lastTime;
  const t = v ? Date.parse(v.endsWith('Z') ? v : `${v}Z`) : NaN;
  if (Number.isNaN(t))
    throw new Error(`Row ${row.get('Id') ?? '?'}: unreadable ${name} "${v ?? ''}"`);
  lastText = v ?? '';
  lastTime = t;
  return t;
}

/** Stack Exchange post types the importer reads; the others (tag wikis…) are skipped. */
export const QUESTION = 1;
export const ANSWER = 2;

/** Vote types: an accepted answer, up and down votes (anonymous in public dumps). */
export const ACCEPT_VOTE = 1;
export const UP_VOTE = 2;
export const DOWN_VOTE = 3;

/** The "Community" bot of every Stack Exchange site. */
export const COMMUNITY_USER_ID = -1;
