import type { Insertable, Selectable } from 'kysely';
import type { Database, Db } from '../db/index.js';

export type FlagRow = Selectable<Database['moderation_flags']>;
export type FlagTargetKind = FlagRow['target_kind'];
export type FlagReason = FlagRow['reason'];
export type AuditInsert = Insertable<Database['moderation_audit']>;

export async function insertAudit(db: Db, row: AuditInsert): Promise<number> {
  const r = await db
    .insertInto('moderation_audit')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export interface AuditFilter {
  communityId?: number | undefined;
  action?: string | undefined;
  actorId?: number | undefined;
  automatic?: boolean | undefined;
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

/** Audit rows, newest first, with the actor's and the community's names. */
export function listAudit(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('moderation_audit as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('communities as c', 'c.id', 'a.community_id')
    .select([
      'a.id',
      'a.community_id',
      'a.actor_id',
      'a.rule',
      'a.action',
      'a.target_kind',
      'a.target_id',
      'a.reason',
      'a.created_at',
      'a.reverses_id',
      'u.handle as actor_handle',
      'u.display_name as actor_name',
      'c.slug as community_slug',
    ])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit);
  if (f.communityId !== undefined) q = q.where('a.community_id', '=', f.communityId);
  if (f.action !== undefined) q = q.where('a.action', '=', f.action);
  if (f.actorId !== undefined) q = q.where('a.actor_id', '=', f.actorId);
  if (f.automatic) q = q.where('a.actor_id', 'is', null);
  if (f.from !== undefined) q = q.where('a.created_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('a.created_at', '<', f.to);
  return q.execute();
}

export type AuditListRow = Awaited<ReturnType<typeof listAudit>>[number];

export function findFlag(
  db: Db,
  key: { communityId: number; kind: FlagTargetKind; targetId: number; flaggerId: number },
) {
  return db
    .selectFrom('moderation_flags')
    .select('id')
    .where('community_id', '=', key.communityId)
    .where('target_kind', '=', key.kind)
    .where('target_id', '=', key.targetId)
    .where('flagger_id', '=', key.flaggerId)
    .executeTakeFirst();
}

/** When the member flagged anything these last hours, newest first: for the daily cap. */
export async function recentFlagTimes(db: Db, flaggerId: number, since: number) {
  const rows = await db
    .selectFrom('moderation_flags')
    .select('created_at')
    .where('flagger_id', '=', flaggerId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => Number(r.created_at));
}

export async function insertFlag(db: Db, row: Insertable<Database['moderation_flags']>) {
  const r = await db
    .insertInto('moderation_flags')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The open flags of one community (or of one target in it), oldest first. */
export function openFlags(
  db: Db,
  communityId: number,
  target?: { kind: FlagTargetKind; id: number },
): Promise<FlagRow[]> {
  let q = db
    .selectFrom('moderation_flags')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('outcome', 'is', null);
  if (target) q = q.where('target_kind', '=', target.kind).where('target_id', '=', target.id);
  return q.orderBy('id').execute();
}

/** Each flagger's decided flags (all communities): agreed and disagreed counts. */
export async function flaggerRecords(db: Db, flaggerIds: number[]) {
  const out = new Map<number, { agreed: number; disagreed: number }>();
  if (flaggerIds.length === 0) return out;
  const rows = await db
    .selectFrom('moderation_flags')
    .select((eb) => ['flagger_id', 'outcome', eb.fn.countAll<number>().as('n')])
    .where('flagger_id', 'in', flaggerIds)
    .where('outcome', 'in', ['agreed', 'disagreed'])
    .groupBy(['flagger_id', 'outcome'])
    .execute();
  for (const r of rows) {
    const id = Number(r.flagger_id);
    const rec = out.get(id) ?? { agreed: 0, disagreed: 0 };
    if (r.outcome === 'agreed') rec.agreed = Number(r.n);
    else rec.disagreed = Number(r.n);
    out.set(id, rec);
  }
  return out;
}

/** Every decided flag of one community, for the authors' histories (kind, id, outcome). */
export function decidedFlagsIn(db: Db, communityId: number) {
  return db
    .selectFrom('moderation_flags')
    .select(['target_kind', 'target_id', 'outcome'])
    .where('community_id', '=', communityId)
    .where('outcome', 'is not', null)
    .execute();
}

export async function decideFlags(
  db: Db,
  ids: number[],
  decision: { outcome: 'agreed' | 'disagreed' | 'ignored'; by: number; at: number },
): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .updateTable('moderation_flags')
    .set({ outcome: decision.outcome, decided_by: decision.by, decided_at: decision.at })
    .where('id', 'in', ids)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function findSettings(db: Db, communityId: number) {
  return db
    .selectFrom('moderation_settings')
    .selectAll()
    .where('community_id', '=', communityId)
    .executeTakeFirst();
}

export async function saveSettings(db: Db, row: Database['moderation_settings']) {
  await db
    .insertInto('moderation_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({
        hide_threshold: row.hide_threshold,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export function usersByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name', 'created_at'])
    .where('id', 'in', ids)
    .execute();
}

/** The latest automatic "hidden" row for a target, which a disagreement reverses. */
export function latestHideOf(db: Db, communityId: number, kind: string, id: number) {
  return db
    .selectFrom('moderation_audit')
    .select('id')
    .where('community_id', '=', communityId)
    .where('target_kind', '=', kind)
    .where('target_id', '=', id)
    .where('action', '=', 'post.hidden')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The communities where a member is active, by name. */
export function activeCommunitiesOf(db: Db, userId: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .select(['c.id', 'c.name'])
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .orderBy('c.name')
    .execute();
}
