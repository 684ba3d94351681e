import type { Selectable } from 'kysely';
import type { Database, Db } from '../db/index.js';

export type TeamRow = Selectable<Database['team_voices']>;
export type SignatureStyle = Database['team_voice_members']['signature_style'];
export type TeamPostKind = Database['team_voice_posts']['target_kind'];

export async function insertTeam(
  db: Db,
  t: { communityId: number; accountId: number; name: string; createdBy: number; at: number },
): Promise<number> {
  const row = await db
    .insertInto('team_voices')
    .values({
      community_id: t.communityId,
      account_id: t.accountId,
      name: t.name,
      created_by: t.createdBy,
      created_at: t.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findTeam(db: Db, id: number) {
  return db.selectFrom('team_voices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTeamByName(db: Db, communityId: number, name: string) {
  return db
    .selectFrom('team_voices')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export function teamsOfCommunity(db: Db, communityId: number) {
  return db
    .selectFrom('team_voices as t')
    .innerJoin('users as a', 'a.id', 't.account_id')
    .selectAll('t')
    .select('a.handle as account_handle')
    .where('t.community_id', '=', communityId)
    .orderBy('t.name')
    .execute();
}

/** The teams these accounts speak for (an account not a team's is simply absent). */
export function teamsByAccounts(db: Db, accountIds: number[]) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('team_voices').selectAll().where('account_id', 'in', accountIds).execute();
}

/** Each member of these teams, with their name (for the signature) and style. */
export function membersOf(db: Db, teamIds: number[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('team_voice_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.team_id',
      'm.user_id',
      'm.signature_style',
      'm.joined_at',
      'u.handle',
      'u.display_name',
    ])
    .where('m.team_id', 'in', teamIds)
    .orderBy('u.display_name')
    .execute();
}

/** The teams one member belongs to, with each team's account. */
export function teamsOfMember(db: Db, userId: number) {
  return db
    .selectFrom('team_voice_members as m')
    .innerJoin('team_voices as t', 't.id', 'm.team_id')
    .innerJoin('users as a', 'a.id', 't.account_id')
    .select([
      't.id',
      't.community_id',
      't.account_id',
      't.name',
      'a.handle as account_handle',
      'm.signature_style',
    ])
    .where('m.user_id', '=', userId)
    .orderBy('t.name')
    .execute();
}

export async function upsertMember(
  db: Db,
  m: { teamId: number; userId: number; style: SignatureStyle; at: number },
): Promise<void> {
  await db
    .insertInto('team_voice_members')
    .values({
      team_id: m.teamId,
      user_id: m.userId,
      signature_style: m.style,
      joined_at: m.at,
    })
    .onConflict((oc) =>
      oc.columns(['team_id', 'user_id']).doUpdateSet({ signature_style: m.style }),
    )
    .execute();
}

export async function deleteMember(db: Db, teamId: number, userId: number): Promise<void> {
  await db
    .deleteFrom('team_voice_members')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .execute();
}

export async function insertTeamPost(
  db: Db,
  p: {
    teamId: number;
    authorId: number;
    kind: TeamPostKind;
    targetId: number;
    signature: string;
    at: number;
  },
): Promise<void> {
  await db
    .insertInto('team_voice_posts')
    .values({
      team_id: p.teamId,
      author_id: p.authorId,
      target_kind: p.kind,
      target_id: p.targetId,
      signature: p.signature,
      created_at: p.at,
    })
    .execute();
}

/** The signatures under these posts: never their real author, which stays in the audit. */
export function signaturesOf(db: Db, kind: TeamPostKind, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('team_voice_posts')
    .select(['target_id', 'signature'])
    .where('target_kind', '=', kind)
    .where('target_id', 'in', ids)
    .execute();
}

/** The audit trail, newest first, with each post's team and real author (instance admins). */
export function listTeamPosts(
  db: Db,
  q: { kind?: TeamPostKind | undefined; targetId?: number | undefined; limit: number },
) {
  let query = db
    .selectFrom('team_voice_posts as p')
    .innerJoin('team_voices as t', 't.id', 'p.team_id')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([
      'p.id',
      'p.target_kind',
      'p.target_id',
      'p.signature',
      'p.created_at',
      't.id as team_id',
      't.name as team_name',
      't.community_id',
      'u.handle as author_handle',
      'u.display_name as author_name',
    ])
    .orderBy('p.id', 'desc')
    .limit(q.limit);
  if (q.kind) query = query.where('p.target_kind', '=', q.kind);
  if (q.targetId !== undefined) query = query.where('p.target_id', '=', q.targetId);
  return query.execute();
}
