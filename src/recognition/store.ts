import type { Selectable } from 'kysely';
import { chunks, type Database, type Db } from '../db/index.js';

export type AwardRow = Selectable<Database['badge_awards']>;
export type SpotlightRow = Selectable<Database['spotlights']>;

// ---- Badges ----------------------------------------------------------------------------------

/** "user:community" of each member who already holds this badge. */
export async function holdersOf(db: Db, badge: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('badge_awards')
    .select(['user_id', 'community_id'])
    .where('badge', '=', badge)
    .execute();
  return new Set(rows.map((r) => `${r.user_id}:${r.community_id}`));
}

/**
 * Inserts these awards; those already held (another run, another instance) are skipped by the
 * unique key. Returns only the rows this call inserted.
 */
export async function insertAwards(
  db: Db,
  rows: { user_id: number; community_id: number; badge: string; awarded_at: number }[],
): Promise<AwardRow[]> {
  const made: AwardRow[] = [];
  for (const part of chunks(rows, 300))
    made.push(
      ...(await db
        .insertInto('badge_awards')
        .values(part)
        .onConflict((oc) => oc.columns(['user_id', 'community_id', 'badge']).doNothing())
        .returningAll()
        .execute()),
    );
  return made;
}

/** A member's badges in these communities, newest first. */
export async function awardsOf(db: Db, userId: number, communityIds: number[]) {
  if (communityIds.length === 0) return [];
  return db
    .selectFrom('badge_awards as a')
    .innerJoin('communities as c', 'c.id', 'a.community_id')
    .select(['a.badge', 'a.awarded_at', 'c.id as community_id', 'c.slug', 'c.name'])
    .where('a.user_id', '=', userId)
    .where('a.community_id', 'in', communityIds)
    .orderBy('a.awarded_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** The communities a member holds a badge in (to ask which of them the viewer may read). */
export async function communitiesWithAwards(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('badge_awards')
    .select('community_id')
    .distinct()
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => Number(r.community_id));
}

// ---- Leaderboard -----------------------------------------------------------------------------

export async function isLeaderboardOn(db: Db, communityId: number): Promise<boolean> {
  const row = await db
    .selectFrom('recognition_settings')
    .select('leaderboard')
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return row?.leaderboard === 1;
}

export async function setLeaderboard(db: Db, communityId: number, on: boolean, at: number) {
  await db
    .insertInto('recognition_settings')
    .values({ community_id: communityId, leaderboard: on ? 1 : 0, updated_at: at })
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({ leaderboard: on ? 1 : 0, updated_at: at }),
    )
    .execute();
}

/** Badges earned and answers accepted since `since`, per active member of the community. */
export async function periodCounts(db: Db, communityId: number, since: number) {
  const [awards, accepted] = await Promise.all([
    db
      .selectFrom('badge_awards')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', communityId)
      .where('awarded_at', '>=', since)
      .groupBy('user_id')
      .execute(),
    db
      .selectFrom('activity_log as l')
      .innerJoin('replies as r', 'r.id', 'l.target_id')
      .select([
        'r.author_id as user_id',
        (eb) => eb.fn.count<number>('l.target_id').distinct().as('n'),
      ])
      .where('l.kind', '=', 'answer.accepted')
      .where('l.target_kind', '=', 'reply')
      .where('l.community_id', '=', communityId)
      .where('l.created_at', '>=', since)
      .whereRef('l.actor_id', '<>', 'r.author_id')
      .groupBy('r.author_id')
      .execute(),
  ]);
  return { awards, accepted };
}

/** Of these members, those active in the community, with their names. */
export async function activeMembersAmong(db: Db, communityId: number, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.handle', 'u.display_name'])
    .where('m.community_id', '=', communityId)
    .where('m.status', '=', 'active')
    .where('u.deleted_at', 'is', null)
    .where('u.id', 'in', userIds)
    .execute();
}

// ---- Spotlights ------------------------------------------------------------------------------

export async function insertSpotlight(
  db: Db,
  row: Omit<SpotlightRow, 'id' | 'answered_at' | 'state'>,
): Promise<SpotlightRow> {
  return db
    .insertInto('spotlights')
    .values({ ...row, state: 'proposed', answered_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Unsafe: loaded before any check. */
export async function findSpotlight(db: Db, id: number): Promise<SpotlightRow | undefined> {
  return db.selectFrom('spotlights').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Answers a proposed spotlight; false when it was already answered. */
export async function answerSpotlight(
  db: Db,
  id: number,
  state: 'accepted' | 'declined',
  at: number,
): Promise<boolean> {
  const res = await db
    .updateTable('spotlights')
    .set({ state, answered_at: at })
    .where('id', '=', id)
    .where('state', '=', 'proposed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The accepted spotlight shown on the community's home now (the latest accepted), if any. */
export async function currentSpotlight(db: Db, communityId: number, now: number) {
  return db
    .selectFrom('spotlights as s')
    .innerJoin('users as u', 'u.id', 's.member_id')
    .select(['s.id', 's.portrait', 's.until_at', 's.answered_at', 'u.handle', 'u.display_name'])
    .where('s.community_id', '=', communityId)
    .where('s.state', '=', 'accepted')
    .where('s.until_at', '>', now)
    .where('u.deleted_at', 'is', null)
    .orderBy('s.answered_at', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst();
}
