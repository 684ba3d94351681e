import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import type { BatchFold, MemberDelta, MembershipEvent, PostRow } from './fold.js';
import type { Grain } from './scopes.js';

/** Rows per multi-row statement: well under both engines' bound-parameter limits. */
const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// The three member tables differ only by their bucket column's name.
type MemberTables = Kysely<Record<string, Record<string, number>>>;

/** Adds member counts at each grain and marks the buckets they fall in for recounting. */
export async function addMemberDeltas(trx: Db, deltas: Iterable<MemberDelta>): Promise<void> {
  const byGrain = new Map<Grain, MemberDelta[]>();
  const dirty = new Map<string, Database['rollup_dirty']>();
  for (const d of deltas) {
    const list = byGrain.get(d.grain) ?? [];
    list.push(d);
    byGrain.set(d.grain, list);
    const mark = {
      community_id: d.scope.communityId,
      group_id: d.scope.groupId,
      grain: d.grain,
      bucket: d.bucket,
    };
    dirty.set(`${d.grain}|${mark.community_id}|${mark.group_id}|${d.bucket}`, mark);
  }
  const db = trx as unknown as MemberTables;
  for (const [grain, list] of byGrain) {
    const table = `rollup_member_${grain}s`;
    const rows = list.map((d) => ({
      community_id: d.scope.communityId,
      group_id: d.scope.groupId,
      [grain]: d.bucket,
      member_id: d.member,
      contributions: d.contributions,
      reactions: d.reactions,
      visits: d.visits,
      commitments: d.commitments,
    }));
    for (const part of chunks(rows)) {
      await db
        .insertInto(table)
        .values(part)
        .onConflict((oc) =>
          oc.columns(['community_id', 'group_id', grain, 'member_id']).doUpdateSet((eb) => ({
            contributions: eb(`${table}.contributions`, '+', eb.ref('excluded.contributions')),
            reactions: eb(`${table}.reactions`, '+', eb.ref('excluded.reactions')),
            visits: eb(`${table}.visits`, '+', eb.ref('excluded.visits')),
            commitments: eb(`${table}.commitments`, '+', eb.ref('excluded.commitments')),
          })),
        )
        .execute();
    }
  }
  for (const part of chunks([...dirty.values()])) {
    await trx
      .insertInto('rollup_dirty')
      .values(part)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function savePosts(trx: Db, posts: PostRow[]): Promise<void> {
  for (const part of chunks(posts)) {
    await trx
      .insertInto('rollup_posts')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['kind', 'id']).doUpdateSet((eb) => ({
          deleted: eb.ref('excluded.deleted'),
          accepted_reply_id: eb.ref('excluded.accepted_reply_id'),
          first_reply_id: eb.ref('excluded.first_reply_id'),
          first_reply_at: eb.ref('excluded.first_reply_at'),
          first_reply_by: eb.ref('excluded.first_reply_by'),
          first_reaction_at: eb.ref('excluded.first_reaction_at'),
          first_reaction_by: eb.ref('excluded.first_reaction_by'),
        })),
      )
      .execute();
  }
}

/** Keeps the earliest first post per member and scope. */
export async function offerFirstPosts(trx: Db, fold: BatchFold): Promise<void> {
  const rows = [...fold.firstPosts.values()].map((f) => ({
    community_id: f.scope.communityId,
    group_id: f.scope.groupId,
    member_id: f.member,
    post_kind: f.kind,
    post_id: f.id,
    created_at: f.at,
  }));
  for (const part of chunks(rows)) {
    await trx
      .insertInto('rollup_first_posts')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['community_id', 'group_id', 'member_id'])
          .doUpdateSet((eb) => ({
            post_kind: eb.ref('excluded.post_kind'),
            post_id: eb.ref('excluded.post_id'),
            created_at: eb.ref('excluded.created_at'),
          }))
          .where((eb) => eb('excluded.created_at', '<', eb.ref('rollup_first_posts.created_at'))),
      )
      .execute();
  }
}

/** Opens and closes membership spells, in log order. */
export async function applyMemberships(trx: Db, events: MembershipEvent[]): Promise<void> {
  if (events.length === 0) return;
  const members = [...new Set(events.map((e) => e.member))];
  const open = new Map<string, { joined_at: number; left_at: number | null; stored: boolean }>();
  for (const part of chunks(members)) {
    const rows = await trx
      .selectFrom('rollup_memberships')
      .selectAll()
      .where('left_at', 'is', null)
      .where('member_id', 'in', part)
      .execute();
    for (const r of rows)
      open.set(`${r.community_id}|${r.group_id}|${r.member_id}`, { ...r, stored: true });
  }
  const inserts: {
    key: string;
    community_id: number;
    group_id: number;
    member_id: number;
    joined_at: number;
  }[] = [];
  const closes: {
    community_id: number;
    group_id: number;
    member_id: number;
    joined_at: number;
    left_at: number;
  }[] = [];
  const spells = new Map<string, { joined_at: number; left_at: number | null }>();
  for (const e of events) {
    const key = `${e.scope.communityId}|${e.scope.groupId}|${e.member}`;
    const current = open.get(key);
    if (e.joined) {
      if (current) continue;
      const spell = { joined_at: e.at, left_at: null, stored: false };
      open.set(key, spell);
      spells.set(`${key}|${e.at}`, spell);
      inserts.push({
        key: `${key}|${e.at}`,
        community_id: e.scope.communityId,
        group_id: e.scope.groupId,
        member_id: e.member,
        joined_at: e.at,
      });
    } else if (current) {
      current.left_at = e.at;
      open.delete(key);
      if (current.stored)
        closes.push({
          community_id: e.scope.communityId,
          group_id: e.scope.groupId,
          member_id: e.member,
          joined_at: current.joined_at,
          left_at: e.at,
        });
    }
  }
  const values = inserts.map(({ key, ...row }) => ({
    ...row,
    left_at: spells.get(key)?.left_at ?? null,
  }));
  for (const part of chunks(values)) {
    await trx
      .insertInto('rollup_memberships')
      .values(part)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const c of closes) {
    await trx
      .updateTable('rollup_memberships')
      .set({ left_at: c.left_at })
      .where('community_id', '=', c.community_id)
      .where('group_id', '=', c.group_id)
      .where('member_id', '=', c.member_id)
      .where('joined_at', '=', c.joined_at)
      .execute();
  }
}
