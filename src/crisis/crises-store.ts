import type { Selectable } from 'kysely';
import type { Db } from '../db/index.js';
import type { Database } from '../db/schema.js';
import { defaultCrisisSettings, type CrisisSettings } from './settings.js';

export type CrisisRow = Selectable<Database['crises']>;

export async function settingsOf(db: Db, communityId: number): Promise<CrisisSettings> {
  const row = await db
    .selectFrom('crisis_settings')
    .selectAll()
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  if (!row) return defaultCrisisSettings;
  return {
    autoStart: Number(row.auto_start) === 1,
    holdYoungPosts: Number(row.hold_young) === 1,
    slowModeMinutes: Number(row.slow_minutes),
    approveSignups: Number(row.approve_signups) === 1,
    youngLinksOff: Number(row.young_links_off) === 1,
    calmMinutes: Number(row.calm_minutes),
  };
}

export async function saveSettings(
  db: Db,
  communityId: number,
  s: CrisisSettings,
  by: number,
  at: number,
): Promise<void> {
  const values = {
    auto_start: s.autoStart ? 1 : 0,
    hold_young: s.holdYoungPosts ? 1 : 0,
    slow_minutes: s.slowModeMinutes,
    approve_signups: s.approveSignups ? 1 : 0,
    young_links_off: s.youngLinksOff ? 1 : 0,
    calm_minutes: s.calmMinutes,
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto('crisis_settings')
    .values({ community_id: communityId, ...values })
    .onConflict((oc) => oc.column('community_id').doUpdateSet(values))
    .execute();
}

/** Numbers as numbers: PostgreSQL gives bigints as strings. */
function normal(r: CrisisRow): CrisisRow {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    ...r,
    id: Number(r.id),
    community_id: Number(r.community_id),
    topic_id: n(r.topic_id),
    topic_key: Number(r.topic_key),
    started_at: Number(r.started_at),
    started_by: n(r.started_by),
    last_trigger_at: Number(r.last_trigger_at),
    renewed_until: n(r.renewed_until),
    ended_at: n(r.ended_at),
    ended_by: n(r.ended_by),
  };
}

export async function crisisById(db: Db, id: number): Promise<CrisisRow | undefined> {
  const row = await db.selectFrom('crises').selectAll().where('id', '=', id).executeTakeFirst();
  return row && normal(row);
}

/** The open crises of a community, on the given scopes (topic keys; 0: the whole community). */
export async function openCrises(
  db: Db,
  communityId: number,
  topicKeys?: number[],
): Promise<CrisisRow[]> {
  const rows = await db
    .selectFrom('crises')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('ended_at', 'is', null)
    .$if(topicKeys !== undefined, (q) => q.where('topic_key', 'in', topicKeys ?? []))
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map(normal);
}

/** Every open crisis, with its community's calm period. */
export async function allOpenCrises(db: Db): Promise<(CrisisRow & { calm: number | null })[]> {
  const rows = await db
    .selectFrom('crises')
    .leftJoin('crisis_settings', 'crisis_settings.community_id', 'crises.community_id')
    .selectAll('crises')
    .select('crisis_settings.calm_minutes as calm')
    .where('crises.ended_at', 'is', null)
    .execute();
  return rows.map((r) => ({ ...normal(r), calm: r.calm === null ? null : Number(r.calm) }));
}

/** A new crisis, unless one is already open on that scope (then nothing: undefined). */
export async function insertCrisis(
  db: Db,
  values: {
    community_id: number;
    topic_id: number | null;
    started_at: number;
    started_by: number | null;
    trigger: string;
  },
): Promise<number | undefined> {
  const row = await db
    .insertInto('crises')
    .values({
      ...values,
      topic_key: values.topic_id ?? 0,
      last_trigger_at: values.started_at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function moveLastTrigger(db: Db, id: number, at: number): Promise<void> {
  await db
    .updateTable('crises')
    .set({ last_trigger_at: at })
    .where('id', '=', id)
    .where('last_trigger_at', '<', at)
    .execute();
}

export async function renew(db: Db, id: number, until: number): Promise<void> {
  await db.updateTable('crises').set({ renewed_until: until }).where('id', '=', id).execute();
}

/** Ends a crisis still open; false when another run or person ended it first. */
export async function end(db: Db, id: number, at: number, by: number | null): Promise<boolean> {
  const r = await db
    .updateTable('crises')
    .set({ ended_at: at, ended_by: by })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The community's active animators and moderators: whom a crisis alerts. */
export async function staffOf(db: Db, communityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('role', 'in', ['animator', 'moderator'])
    .orderBy('user_id')
    .execute();
  return rows.map((r) => Number(r.user_id));
}

export async function topicPlace(db: Db, topicId: number) {
  const row = await db
    .selectFrom('topics')
    .select(['id', 'community_id', 'group_id', 'title'])
    .where('id', '=', topicId)
    .executeTakeFirst();
  return (
    row && {
      ...row,
      community_id: Number(row.community_id),
      group_id: row.group_id === null ? null : Number(row.group_id),
    }
  );
}

export async function topicTitles(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('topics')
    .select(['id', 'title'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.title]));
}
