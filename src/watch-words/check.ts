import type { Db } from '../db/index.js';
import { AppError } from '../http/index.js';
import type { Locale } from '../i18n/index.js';
import { defaultBlockMessages, fillBlockMessage } from './block-message.js';
import { compileLists, matchTexts, type CompiledLists, type WatchCheck } from './match.js';
import * as store from './store.js';

interface Compiled {
  version: number;
  lists: CompiledLists;
  messages: Map<number, Record<Locale, string>>;
}

// Each instance keeps the communities' compiled lists and checks, on each post, the version
// the community's last change wrote (one row by primary key): a change made through another
// instance is seen on the next post. Past this many communities the cache starts over. Keyed
// by database too: tests open several in one process, with the same community ids.
const caches = new WeakMap<Db, Map<number, Compiled>>();
const MAX_CACHED = 1_000;

async function compiledFor(db: Db, communityId: number): Promise<Compiled> {
  const version = await store.versionOf(db, communityId);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<number, Compiled>()));
  const cached = cache.get(communityId);
  if (cached?.version === version) return cached;
  const rows = version === 0 ? [] : await store.listsOf(db, communityId);
  const compiled: Compiled = {
    version,
    lists: compileLists(
      rows.map((r) => ({ id: Number(r.id), action: r.action, entries: r.entries.split('\n') })),
    ),
    messages: new Map(
      rows.map((r) => [
        Number(r.id),
        {
          fr: r.message_fr ?? defaultBlockMessages.fr,
          en: r.message_en ?? defaultBlockMessages.en,
        },
      ]),
    ),
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(communityId, compiled);
  return compiled;
}

/** What a blocked post's author reads, in French and English. */
export type WatchResult = WatchCheck & { refusal: Record<Locale, string> | undefined };

/**
 * The watch words of a community found in these texts (a post's title and body): every match
 * with its list, entry and action, and the strongest action (block > hold > flag; null: none).
 * For `block`, `refusal` is the first blocking list's message, filled with the matched words.
 */
export async function checkWatchWords(
  db: Db,
  communityId: number,
  texts: string[],
): Promise<WatchResult> {
  const compiled = await compiledFor(db, communityId);
  const check = matchTexts(compiled.lists, texts);
  const blocking = check.matches.find((m) => m.action === 'block');
  const message = blocking && compiled.messages.get(blocking.listId);
  return {
    ...check,
    refusal:
      blocking && message
        ? {
            fr: fillBlockMessage(message.fr, blocking.word),
            en: fillBlockMessage(message.en, blocking.word),
          }
        : undefined,
  };
}

/**
 * Refuses a post that matched a `block` list, with the list's message in the reader's
 * language; `fields` names the texts given to checkWatchWords, so a form marks the right one.
 */
export function refuseBlocked(result: WatchResult, fields: string[]): void {
  const blocking = result.matches.find((m) => m.action === 'block');
  if (!blocking || !result.refusal) return;
  throw new AppError('invalid_input', {
    ...(fields[blocking.text] ? { field: fields[blocking.text] } : {}),
    messageKey: 'watchWords.blocked',
    params: { messageFr: result.refusal.fr, messageEn: result.refusal.en },
  });
}

/**
 * Records the flag and hold matches of a post just written, in its transaction: the moderation
 * gate turns them into review-queue items (flag) or held posts (hold).
 */
export async function recordWatchMatches(
  trx: Db,
  post: { communityId: number; kind: 'topic' | 'reply'; id: number },
  result: WatchCheck,
  at: number,
): Promise<void> {
  await store.insertMatches(
    trx,
    result.matches.flatMap((m) =>
      m.action === 'block'
        ? []
        : [
            {
              community_id: post.communityId,
              post_kind: post.kind,
              post_id: post.id,
              list_id: m.listId,
              entry: m.entry,
              action: m.action,
              matched: m.word,
              created_at: at,
            },
          ],
    ),
  );
}
