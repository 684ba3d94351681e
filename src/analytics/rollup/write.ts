import { bulkUpsert, chunks, type BulkColumn, type Db, type Store } from '../../db/index.js';
import type { AnonymousDay, BatchFold, MemberDelta, MembershipEvent, PostRow } from './fold.js';
import type { Grain } from './scopes.js';

const counts: BulkColumn[] = ['contributions', 'reactions', 'visits', 'commitments'].map(
  (name) => ({ name, type: 'integer' }),
);

/** Adds member counts at each grain and marks the buckets they fall in for recounting. */
export async function addMemberDeltas(
  s: Store,
  trx: Db,
  deltas: Iterable<MemberDelta>,
): Promise<void> {
  const byGrain = new Map<Grain, unknown[][]>();
  const dirty = new Map<string, unknown[]>();
  for (const d of deltas) {
    const { communityId: c, groupId: g } = d.scope;
    const list = byGrain.get(d.grain) ?? [];
    list.push([c, g, d.bucket, d.member, d.contributions, d.reactions, d.visits, d.commitments]);
    byGrain.set(d.grain, list);
    dirty.set(`${d.grain}|${c}|${g}|${d.bucket}`, [c, g, d.grain, d.bucket]);
  }
  for (const [grain, rows] of byGrain) {
    const key = ['community_id', 'group_id', grain, 'member_id'];
    await bulkUpsert(
      s,
      trx,
      {
        table: `rollup_member_${grain}s`,
        columns: [...key.map((name): BulkColumn => ({ name, type: 'bigint' })), ...counts],
        key,
        onConflict: 'add',
      },
      rows,
    );
  }
  await bulkUpsert(
    s,
    trx,
    {
      table: 'rollup_dirty',
      columns: [
        { name: 'community_id', type: 'bigint' },
        { name: 'group_id', type: 'bigint' },
        { name: 'grain', type: 'text' },
        { name: 'bucket', type: 'integer' },
      ],
      key: ['community_id', 'group_id', 'grain', 'bucket'],
      onConflict: 'ignore',
    },
    [...dirty.values()],
  );
}

/** Adds anonymous visitors to their scope's days. */
export async function addAnonymousDays(
  s: Store,
  trx: Db,
  days: Iterable<AnonymousDay>,
): Promise<void> {
  const rows = [...days].map((d) => [d.scope.communityId, d.scope.groupId, d.day, d.visitors]);
  await bulkUpsert(
    s,
    trx,
    {
      table: 'rollup_anonymous_days',
      columns: [
        { name: 'community_id', type: 'bigint' },
        { name: 'group_id', type: 'bigint' },
        { name: 'day', type: 'integer' },
        { name: 'visitors', type: 'integer' },
      ],
      key: ['community_id', 'group_id', 'day'],
      onConflict: 'add',
    },
    rows,
  );
}

const postColumns: BulkColumn[] = [
  { name: 'kind', type: 'text' },
  ...['id', 'community_id', 'group_id', 'topic_id', 'in_reply_to', 'author_id'].map(
    (name): BulkColumn => ({ name, type: 'bigint' }),
  ),
  { name: 'detail', type: 'text' },
  { name: 'created_at', type: 'bigint' },
  { name: 'deleted', type: 'integer' },
  ...[
    'accepted_reply_id',
    'first_reply_id',
    'first_reply_at',
    'first_reply_by',
    'first_reaction_at',
    'first_reaction_by',
  ].map((name): BulkColumn => ({ name, type: 'bigint' })),
];

export async function savePosts(s: Store, trx: Db, posts: PostRow[]): Promise<void> {
  await bulkUpsert(
    s,
    trx,
    {
      table: 'rollup_posts',
      columns: postColumns,
      key: ['kind', 'id'],
      onConflict: 'replace',
      replace: postColumns.slice(9).map((c) => c.name),
    },
    posts.map((p) => postColumns.map((c) => p[c.name as keyof PostRow])),
  );
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
