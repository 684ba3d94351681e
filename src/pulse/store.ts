import { chunks, type Database, type Db } from '../db/index.js';
import type { Frequency } from './kinds.js';

// The pulse reads the activity log (what happened, as analytics do) and, for names and places,
// a few columns of the members', communities' and groups' rows, in batches; it writes only its
// own tables and the member's time zone.

export type SettingsRow = Database['pulse_settings'];

/** What the pulse needs of a member: where to send it, in which language, from when. */
export interface PulseMemberRow {
  id: number;
  email: string;
  locale: string | null;
  display_name: string;
  is_admin: number;
  created_at: number;
  time_zone: string | null;
  frequency: Frequency | null;
  last_period_at: number | null;
  last_sent_at: number | null;
}

function memberQuery(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('pulse_settings', 'pulse_settings.user_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.locale',
      'users.display_name',
      'users.is_admin',
      'users.created_at',
      'users.time_zone',
      'pulse_settings.frequency',
      'pulse_settings.last_period_at',
      'pulse_settings.last_sent_at',
    ])
    .where('users.is_system', '=', 0)
    .where('users.deleted_at', 'is', null)
    .where('users.deletion_requested_at', 'is', null);
}

/** Every member who may receive a pulse (not "never"), a page of them after `afterId`. */
export async function pulseMembersPage(
  db: Db,
  afterId: number,
  limit: number,
): Promise<PulseMemberRow[]> {
  return memberQuery(db)
    .where((eb) =>
      eb.or([
        eb('pulse_settings.frequency', 'is', null),
        eb('pulse_settings.frequency', '!=', 'never'),
      ]),
    )
    .where('users.id', '>', afterId)
    .orderBy('users.id')
    .limit(limit)
    .execute();
}

export async function pulseMembersByIds(db: Db, ids: number[]): Promise<PulseMemberRow[]> {
  const out: PulseMemberRow[] = [];
  for (const part of chunks([...new Set(ids)]))
    out.push(...(await memberQuery(db).where('users.id', 'in', part).execute()));
  return out;
}

export async function pulseMemberByEmail(db: Db, email: string) {
  return memberQuery(db).where('users.email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function settingsOf(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('pulse_settings', 'pulse_settings.user_id', 'users.id')
    .select(['users.time_zone', 'pulse_settings.frequency'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function saveFrequency(db: Db, userId: number, frequency: Frequency, at: number) {
  await db
    .insertInto('pulse_settings')
    .values({ user_id: userId, frequency, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ frequency, updated_at: at }))
    .execute();
}

/** The member's own time zone (null: the instance's default), which later features read too. */
export async function saveTimeZone(db: Db, userId: number, timeZone: string | null) {
  await db.updateTable('users').set({ time_zone: timeZone }).where('id', '=', userId).execute();
}

// ---- Claims and records ----------------------------------------------------------------------

export interface Claim {
  user_id: number;
  period_at: number;
  token: string;
}

/**
 * Claims these members' pulses for their periods: a row per member and period, inserted once
 * whichever instance comes first; one left "claimed" past `staleBefore` (its sender died) is
 * taken over. Returns the claims won, with the token the pulse's links carry.
 */
export async function claimPulses(
  db: Db,
  claims: Claim[],
  at: number,
  staleBefore: number,
): Promise<Claim[]> {
  const won: Claim[] = [];
  for (const part of chunks(claims, 500)) {
    const rows = await db
      .insertInto('pulse_sends')
      .values(part.map((c) => ({ ...c, state: 'claimed' as const, claimed_at: at })))
      .onConflict((oc) => oc.columns(['user_id', 'period_at']).doNothing())
      .returning(['user_id', 'period_at', 'token'])
      .execute();
    won.push(...rows.map(toClaim));
    const taken = new Set(rows.map((r) => Number(r.user_id)));
    for (const c of part) {
      if (taken.has(c.user_id)) continue;
      const stale = await db
        .updateTable('pulse_sends')
        .set({ claimed_at: at })
        .where('user_id', '=', c.user_id)
        .where('period_at', '=', c.period_at)
        .where('state', '=', 'claimed')
        .where('claimed_at', '<', staleBefore)
        .returning(['user_id', 'period_at', 'token'])
        .executeTakeFirst();
      if (stale) won.push(toClaim(stale));
    }
  }
  return won;
}

function toClaim(r: { user_id: number; period_at: number; token: string }): Claim {
  return { user_id: Number(r.user_id), period_at: Number(r.period_at), token: r.token };
}

export interface Outcome {
  claim: Claim;
  outcome: 'sent' | 'empty';
}

/**
 * These periods are done: sent (the next pulse starts from this period's moment) or empty (the
 * next starts where this one did). Members of one schedule thus share where their pulse starts.
 * One transaction for many: on SQLite each commit waits for the disk (a few ms), which one
 * transaction per member made the bulk of a run's time.
 */
export async function recordOutcomes(db: Db, outcomes: Outcome[], at: number): Promise<void> {
  if (outcomes.length === 0) return;
  const groups = new Map<string, { outcome: Outcome['outcome']; period: number; ids: number[] }>();
  for (const { claim, outcome } of outcomes) {
    const key = `${outcome}:${claim.period_at}`;
    const group = groups.get(key) ?? { outcome, period: claim.period_at, ids: [] };
    group.ids.push(claim.user_id);
    groups.set(key, group);
  }
  await db.transaction().execute(async (trx) => {
    for (const { outcome, period, ids } of groups.values()) {
      for (const part of chunks(ids, 500)) {
        await trx
          .updateTable('pulse_sends')
          .set({ state: outcome, sent_at: outcome === 'sent' ? at : null })
          .where('period_at', '=', period)
          .where('user_id', 'in', part)
          .execute();
        const sent = outcome === 'sent' ? { last_sent_at: period } : {};
        await trx
          .insertInto('pulse_settings')
          .values(
            part.map((user_id) => ({
              user_id,
              frequency: 'weekly' as const,
              last_period_at: period,
              last_sent_at: outcome === 'sent' ? period : null,
              updated_at: at,
            })),
          )
          .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_period_at: period, ...sent }))
          .execute();
      }
    }
  });
}

/** A claim given up (the mail server refused): the next run tries it again at once. */
export async function releaseClaim(db: Db, claim: Claim): Promise<void> {
  await db
    .deleteFrom('pulse_sends')
    .where('user_id', '=', claim.user_id)
    .where('period_at', '=', claim.period_at)
    .where('state', '=', 'claimed')
    .execute();
}

export async function sendByToken(db: Db, token: string) {
  return db
    .selectFrom('pulse_sends')
    .select(['user_id', 'state'])
    .where('token', '=', token)
    .executeTakeFirst();
}

export async function stopMemberPulse(db: Db, userId: number, at: number): Promise<void> {
  await saveFrequency(db, userId, 'never', at);
}

// ---- What members belong to and saw ----------------------------------------------------------

export async function spacesOf(db: Db, userIds: number[]) {
  const communities: { user_id: number; community_id: number }[] = [];
  const groups: { user_id: number; group_id: number; community_id: number }[] = [];
  for (const part of chunks(userIds)) {
    const [c, g] = await Promise.all([
      db
        .selectFrom('memberships')
        .select(['user_id', 'community_id'])
        .where('user_id', 'in', part)
        .where('status', '=', 'active')
        .execute(),
      db
        .selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .select(['group_members.user_id', 'group_members.group_id', 'groups.community_id'])
        .where('group_members.user_id', 'in', part)
        .where('group_members.status', '=', 'active')
        .execute(),
    ]);
    communities.push(...c);
    groups.push(...g);
  }
  return { communities, groups };
}

/** Each member's latest view of each topic since `since` (content.viewed rows of the log). */
export async function viewsOf(db: Db, userIds: number[], since: number) {
  const out: { actor_id: number; topic_id: number; at: number }[] = [];
  for (const part of chunks(userIds)) {
    const rows = await db
      .selectFrom('activity_log')
      .select((eb) => ['actor_id', 'target_id', eb.fn.max('created_at').as('at')])
      .where('kind', '=', 'content.viewed')
      .where('actor_id', 'in', part)
      .where('created_at', '>=', since)
      .where('target_kind', '=', 'topic')
      .groupBy(['actor_id', 'target_id'])
      .execute();
    for (const r of rows)
      if (r.actor_id !== null && r.target_id !== null)
        out.push({ actor_id: Number(r.actor_id), topic_id: Number(r.target_id), at: Number(r.at) });
  }
  return out;
}

/** The titles of the topics each member answered (their latest 50 replies): their words. */
export async function answeredTitlesOf(db: Db, userIds: number[]) {
  const out: { author_id: number; title: string }[] = [];
  for (const part of chunks(userIds, 200)) {
    const rows = await db
      .selectFrom('replies')
      .innerJoin('topics', 'topics.id', 'replies.topic_id')
      .select(['replies.author_id', 'topics.title', 'replies.id'])
      .where('replies.author_id', 'in', part)
      .where('replies.deleted_at', 'is', null)
      .orderBy('replies.id', 'desc')
      .execute();
    const seen = new Map<number, number>();
    for (const r of rows) {
      const n = seen.get(r.author_id) ?? 0;
      if (n >= 50) continue;
      seen.set(r.author_id, n + 1);
      out.push({ author_id: Number(r.author_id), title: r.title });
    }
  }
  return out;
}

/** When each member last read their "Merci" notification of each post (subject thanks:kind:id). */
export async function thanksReadOf(db: Db, userIds: number[]) {
  const out: { user_id: number; subject: string; read_at: number | null }[] = [];
  for (const part of chunks(userIds))
    out.push(
      ...(await db
        .selectFrom('notifications')
        .select(['user_id', 'subject', 'read_at'])
        .where('user_id', 'in', part)
        .where('kind', '=', 'thanks')
        .execute()),
    );
  return out;
}

// ---- What happened in a community ------------------------------------------------------------

export type LogEvent = Pick<
  Database['activity_log'],
  'actor_id' | 'group_id' | 'target_kind' | 'target_id' | 'topic_id' | 'detail'
> & { kind: EventKind; created_at: number };

const eventKinds = [
  'topic.created',
  'reply.created',
  'community.joined',
  'group.joined',
  'reaction.added',
  'reaction.removed',
] as const;
type EventKind = (typeof eventKinds)[number];

/** A community's new topics, replies, arrivals and reactions since `since`, oldest first. */
export async function communityEvents(
  db: Db,
  communityId: number,
  since: number,
): Promise<LogEvent[]> {
  const rows = await db
    .selectFrom('activity_log')
    .select([
      'kind',
      'actor_id',
      'group_id',
      'target_kind',
      'target_id',
      'topic_id',
      'detail',
      'created_at',
    ])
    .where('community_id', '=', communityId)
    .where('created_at', '>=', since)
    .where('kind', 'in', eventKinds)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind as EventKind, created_at: Number(r.created_at) }));
}

export async function placesOf(db: Db, communityIds: number[]) {
  if (communityIds.length === 0) return { communities: [], groups: [] };
  const [communities, groups] = await Promise.all([
    db
      .selectFrom('communities')
      .select(['id', 'slug', 'name'])
      .where('id', 'in', communityIds)
      .execute(),
    db
      .selectFrom('groups')
      .select(['id', 'community_id', 'slug', 'name'])
      .where('community_id', 'in', communityIds)
      .execute(),
  ]);
  return { communities, groups };
}

export async function picksOf(db: Db, communityIds: number[]) {
  if (communityIds.length === 0) return { pins: [], exclusions: [] };
  const [pins, exclusions] = await Promise.all([
    db.selectFrom('pulse_pins').selectAll().where('community_id', 'in', communityIds).execute(),
    db
      .selectFrom('pulse_exclusions')
      .selectAll()
      .where('community_id', 'in', communityIds)
      .execute(),
  ]);
  return { pins, exclusions };
}

// ---- The animators' choices ------------------------------------------------------------------

export async function pinTopic(db: Db, pin: Database['pulse_pins']): Promise<void> {
  await db
    .insertInto('pulse_pins')
    .values(pin)
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet({
        topic_id: pin.topic_id,
        pinned_by: pin.pinned_by,
        pinned_at: pin.pinned_at,
      }),
    )
    .execute();
}

export async function unpinTopic(db: Db, communityId: number, topicId: number): Promise<void> {
  await db
    .deleteFrom('pulse_pins')
    .where('community_id', '=', communityId)
    .where('topic_id', '=', topicId)
    .execute();
}

/** Where a topic lives; asked only after filterReadable kept it. */
export async function topicPlaceOf(db: Db, topicId: number) {
  return db
    .selectFrom('topics')
    .select(['id', 'community_id', 'group_id'])
    .where('id', '=', topicId)
    .executeTakeFirst();
}

export async function isActiveMember(db: Db, communityId: number, userId: number) {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/** A community's pins and exclusions, with their topics' titles and groups' names. */
export async function picksWithTitles(db: Db, communityId: number) {
  const [pins, exclusions] = await Promise.all([
    db
      .selectFrom('pulse_pins')
      .innerJoin('topics', 'topics.id', 'pulse_pins.topic_id')
      .leftJoin('groups', 'groups.id', 'pulse_pins.group_id')
      .select([
        'pulse_pins.topic_id',
        'topics.title',
        'groups.name as group_name',
        'pulse_pins.pinned_at',
      ])
      .where('pulse_pins.community_id', '=', communityId)
      .where('topics.deleted_at', 'is', null)
      .orderBy('pulse_pins.pinned_at', 'desc')
      .execute(),
    db
      .selectFrom('pulse_exclusions')
      .innerJoin('topics', 'topics.id', 'pulse_exclusions.topic_id')
      .select(['pulse_exclusions.topic_id', 'topics.title', 'pulse_exclusions.excluded_at'])
      .where('pulse_exclusions.community_id', '=', communityId)
      .where('topics.deleted_at', 'is', null)
      .orderBy('pulse_exclusions.excluded_at', 'desc')
      .execute(),
  ]);
  return { pins, exclusions };
}

export async function excludeTopic(db: Db, row: Database['pulse_exclusions']): Promise<void> {
  await db
    .insertInto('pulse_exclusions')
    .values(row)
    .onConflict((oc) => oc.column('topic_id').doNothing())
    .execute();
  await db.deleteFrom('pulse_pins').where('topic_id', '=', row.topic_id).execute();
}

export async function includeTopic(db: Db, topicId: number): Promise<void> {
  await db.deleteFrom('pulse_exclusions').where('topic_id', '=', topicId).execute();
}
