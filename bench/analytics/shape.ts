import type { Store } from '../../src/db/index.js';
import { MEMBER_BASE } from './members.js';

const HOUR = 3_600_000;

export interface Shape {
  kinds: { kind: string; n: number }[];
  members: number;
  /** Share of members' contributions (topics and replies) made by the top 1 % / 3 % of members. */
  top1Share: number;
  top3Share: number;
  neverPosted: number;
  staffShareOfContributions: number;
  groupShareOfTopics: number;
  answeredShare: number;
  medianFirstResponseHours: number;
}

/** What the generated log looks like, computed from the log alone. */
export async function measureShape(
  store: Store,
  communityId: number,
  members: number,
): Promise<Shape> {
  const kinds = await store.db
    .selectFrom('activity_log')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .groupBy('kind')
    .orderBy('n', 'desc')
    .execute();
  const perActor = await store.db
    .selectFrom('activity_log')
    .select(['actor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .where('kind', 'in', ['topic.created', 'reply.created'])
    .groupBy('actor_id')
    .execute();
  const counts = perActor
    .filter((r) => (r.actor_id ?? 0) >= MEMBER_BASE)
    .map((r) => Number(r.n))
    .sort((a, b) => b - a);
  const memberTotal = counts.reduce((s, n) => s + n, 0);
  const staffTotal = perActor
    .filter((r) => (r.actor_id ?? 0) < MEMBER_BASE)
    .reduce((s, r) => s + Number(r.n), 0);
  const top = (share: number) =>
    counts.slice(0, Math.ceil(share * members)).reduce((s, n) => s + n, 0) / memberTotal;
  return {
    kinds: kinds.map((k) => ({ kind: k.kind, n: Number(k.n) })),
    members,
    top1Share: top(0.01),
    top3Share: top(0.03),
    neverPosted: 1 - counts.length / members,
    staffShareOfContributions: staffTotal / (staffTotal + memberTotal),
    ...(await threads(store, communityId)),
  };
}

/** First responses: the first reply by someone other than the topic's author. */
async function threads(store: Store, communityId: number) {
  const topics = new Map<number, { author: number; at: number; first: number | null }>();
  let inGroups = 0;
  const rows = await store.db
    .selectFrom('activity_log')
    .select(['kind', 'actor_id', 'topic_id', 'group_id', 'created_at'])
    .where('community_id', '=', communityId)
    .where('kind', 'in', ['topic.created', 'reply.created'])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (r.topic_id === null) continue;
    if (r.kind === 'topic.created') {
      topics.set(r.topic_id, { author: r.actor_id ?? 0, at: r.created_at, first: null });
      if (r.group_id !== null) inGroups++;
      continue;
    }
    const t = topics.get(r.topic_id);
    if (t && t.first === null && r.actor_id !== t.author) t.first = r.created_at - t.at;
  }
  const delays = [...topics.values()]
    .flatMap((t) => (t.first === null ? [] : [t.first]))
    .sort((a, b) => a - b);
  return {
    groupShareOfTopics: inGroups / topics.size,
    answeredShare: delays.length / topics.size,
    medianFirstResponseHours: (delays[Math.floor(delays.length / 2)] ?? 0) / HOUR,
  };
}
