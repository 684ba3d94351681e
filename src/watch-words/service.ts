import {
  canModerateCommunity,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { now, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import type { Locale } from '../i18n/index.js';
import { defaultBlockMessages, MAX_MESSAGE, unknownVariable } from './block-message.js';
import type { WatchAction } from './match.js';
import { MAX_ENTRY, MIN_WILDCARD_STEM, parseEntry, tidyEntry } from './patterns.js';
import * as store from './store.js';

/** A community's lists: a few (insults, a reputation topic, spam) is the expected use. */
export const MAX_LISTS = 50;
/** Entries in one list. */
export const MAX_ENTRIES = 1_000;
export const MAX_NAME = 80;

export interface ListInput {
  name: string;
  action: WatchAction;
  entries: string[];
  messageFr?: string | undefined;
  messageEn?: string | undefined;
}

/**
 * Watch words are kept by the community's staff: animators, moderators and instance admins;
 * everyone else gets the 404 of a missing page.
 */
export async function requireWatcher(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canModerateCommunity(access)) throw new AppError('not_found');
  return access;
}

/** One list and its community, for its community's staff; 404 for anyone else. */
export async function requireList(s: Store, viewer: Viewer, listId: number) {
  const unsafeList = await store.unsafeFindList(s.db, listId);
  if (!unsafeList) throw new AppError('not_found');
  const access = await requireWatcher(s, viewer, { id: Number(unsafeList.community_id) });
  return { access, list: unsafeList };
}

export function listsOf(s: Store, access: CommunityAccess) {
  return store.listsOf(s.db, access.community.id);
}

const invalid = (field: string, messageKey: string, params: Record<string, string | number> = {}) =>
  new AppError('invalid_input', { field, messageKey, params });

/**
 * A list as it will be stored, or the first thing wrong with it (an entry named as written):
 * nothing is saved unless every entry is valid. Repeated entries (once folded) are kept once.
 */
function checkedValues(input: ListInput): store.ListValues {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_NAME)
    throw invalid('name', 'watchWords.error.name', { max: MAX_NAME });
  const entries: string[] = [];
  const seen = new Set<string>();
  for (const raw of input.entries) {
    const entry = tidyEntry(raw);
    if (entry === '') throw invalid('entries', 'watchWords.error.emptyEntry');
    const parsed = parseEntry(entry);
    if (!parsed.ok) {
      const { problem } = parsed;
      throw invalid('entries', `watchWords.error.${problem.reason}`, {
        entry,
        max: MAX_ENTRY,
        min: MIN_WILDCARD_STEM,
        ...(problem.reason === 'unsupportedCharacter' ? { character: problem.character } : {}),
      });
    }
    const key = parsed.words.map((w) => `${w.kind}:${w.stem}`).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }
  if (entries.length === 0) throw invalid('entries', 'watchWords.error.noEntries');
  if (entries.length > MAX_ENTRIES)
    throw invalid('entries', 'watchWords.error.tooManyEntries', { max: MAX_ENTRIES });
  return {
    name,
    action: input.action,
    entries: entries.join('\n'),
    message_fr: checkedMessage('fr', input.messageFr),
    message_en: checkedMessage('en', input.messageEn),
  };
}

/** A block message: empty means the default; only `{word}` may be used. */
function checkedMessage(locale: Locale, value: string | undefined): string | null {
  const field = locale === 'fr' ? 'messageFr' : 'messageEn';
  const message = value?.trim() ?? '';
  // The form shows the default to edit: saved unchanged, it stays the default.
  if (message === '' || message === defaultBlockMessages[locale]) return null;
  if (message.length > MAX_MESSAGE)
    throw invalid(field, 'watchWords.error.messageLength', { max: MAX_MESSAGE });
  const unknown = unknownVariable(message);
  if (unknown !== undefined)
    throw invalid(field, 'watchWords.error.unknownVariable', {
      variable: `{${unknown}}`,
      word: '{word}',
    });
  return message;
}

/** An animator adds a list; every change bumps the community's version in its transaction. */
export async function createList(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  input: ListInput,
): Promise<number> {
  const values = checkedValues(input);
  const communityId = access.community.id;
  if ((await store.countLists(s.db, communityId)) >= MAX_LISTS)
    throw invalid('name', 'watchWords.error.tooManyLists', { max: MAX_LISTS });
  return s.db.transaction().execute(async (trx) => {
    const id = await store.insertList(trx, communityId, values, viewer.id, now());
    await store.bumpVersion(trx, communityId);
    return id;
  });
}

export async function updateList(s: Store, viewer: Viewer, listId: number, input: ListInput) {
  const { access } = await requireList(s, viewer, listId);
  const values = checkedValues(input);
  await s.db.transaction().execute(async (trx) => {
    await store.updateList(trx, listId, values, viewer.id, now());
    await store.bumpVersion(trx, access.community.id);
  });
  const list = await store.unsafeFindList(s.db, listId);
  if (!list) throw new AppError('not_found');
  return { access, list };
}

export async function deleteList(s: Store, viewer: Viewer, listId: number) {
  const { access, list } = await requireList(s, viewer, listId);
  await s.db.transaction().execute(async (trx) => {
    await store.deleteList(trx, listId);
    await store.bumpVersion(trx, access.community.id);
  });
  return { access, list };
}

/** Entries as the page's textarea holds them, one per line; blank lines are left out. */
export function entriesFromText(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}
