import { createHash, randomBytes } from 'node:crypto';
import type { Db, Store } from '../db/index.js';
import { recordActivities, type ActivityEntry } from './store.js';

/** What tells one anonymous reader from another for a day; neither part is ever stored. */
export interface Visitor {
  ip: string;
  userAgent: string;
}

const DAY = 86_400_000;

// Robots, link previews, uptime probes and scripted clients are not people reached.
const ROBOT =
  /bot|crawl|spider|slurp|preview|monitor|checker|fetch|scan|facebookexternalhit|headless|lighthouse|curl|wget|python|java\/|go-http|node|axios|okhttp|libwww|httpclient/i;

export function isRobot(userAgent: string): boolean {
  return userAgent.trim() === '' || ROBOT.test(userAgent);
}

/** A database's salt of the day, and the keys this process has already logged that day. */
interface Today {
  day: number;
  salt: string;
  seen: Set<string>;
}
// Per database: tests (and tools) may hold several in one process.
const todays = new WeakMap<Db, Today>();
// Keys kept in memory, so a reader's next pages cost no write; past it, the table decides.
const SEEN_MAX = 100_000;

/**
 * The day's salt, the same for every process sharing the database. Past days' salts are
 * deleted first: a visitor's hashes of those days can no longer be linked to an address.
 */
async function todayOf(db: Db, day: number): Promise<Today> {
  const known = todays.get(db);
  if (known?.day === day) {
    if (known.seen.size >= SEEN_MAX) known.seen.clear();
    return known;
  }
  await forgetPastVisitors(db, day * DAY);
  await db
    .insertInto('visitor_salts')
    .values({ day, salt: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .selectFrom('visitor_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  const today = { day, salt: row.salt, seen: new Set<string>() };
  todays.set(db, today);
  return today;
}

export function visitorHash(salt: string, v: Visitor): string {
  return createHash('sha256')
    .update(`${salt}\0${v.ip}\0${v.userAgent}`)
    .digest('base64url')
    .slice(0, 22);
}

/**
 * Logs an anonymous reader of a community page (and of its group's, when it has one) once a
 * day per scope — the instance, the community, the group — as `visit.anonymous` rows without
 * an actor: the ladder counts them among the people reached. Robots are not counted.
 */
export async function recordAnonymousVisit(
  s: Store,
  place: { communityId: number; groupId: number | null },
  visitor: Visitor,
  at: number,
): Promise<void> {
  if (isRobot(visitor.userAgent)) return;
  const day = Math.floor(at / DAY);
  const today = await todayOf(s.db, day);
  const hash = visitorHash(today.salt, visitor);
  const scopes = [
    { community_id: 0, group_id: 0 },
    { community_id: place.communityId, group_id: 0 },
    ...(place.groupId === null
      ? []
      : [{ community_id: place.communityId, group_id: place.groupId }]),
  ].filter((sc) => !today.seen.has(`${sc.community_id}|${sc.group_id}|${hash}`));
  if (scopes.length === 0) return;
  await s.db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('visitors_seen')
      .values(scopes.map((sc) => ({ day, ...sc, visitor: hash })))
      .onConflict((oc) => oc.doNothing())
      .returning(['community_id', 'group_id'])
      .execute();
    const entries = added.map((sc): ActivityEntry => ({
      actorId: null,
      communityId: Number(sc.community_id) || null,
      groupId: Number(sc.group_id) || null,
      kind: 'visit.anonymous',
      at,
    }));
    await recordActivities(s, trx, entries);
  });
  for (const sc of scopes) today.seen.add(`${sc.community_id}|${sc.group_id}|${hash}`);
}

/** Deletes past days' salts and hashes: after this, no visit can be tied to a reader. */
export async function forgetPastVisitors(db: Db, at: number): Promise<void> {
  const day = Math.floor(at / DAY);
  await db.deleteFrom('visitor_salts').where('day', '<', day).execute();
  await db.deleteFrom('visitors_seen').where('day', '<', day).execute();
}
