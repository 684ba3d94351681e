// The replies the run posts: each poster in turn, spread over the active topics, some answering
// an earlier reply, some mentioning one or two members (who may not be able to read the topic).
import autocannon from 'autocannon';
import type { Instance } from './seed.js';
import { draw } from './shape.js';

/** Distinct replies, sent again in turn: enough that neighbours in time differ. */
const VARIANTS = 997;
const MENTION_ONE = 0.3;
const MENTION_TWO = 0.1;
const ANSWERS_A_REPLY = 0.25;

interface Post {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

export function repliesToPost(instance: Instance): Post[] {
  const { posters, topics, mentionable } = instance;
  return Array.from({ length: VARIANTS }, (_, k) => {
    const poster = posters[k % posters.length];
    const topic = topics[(k * 7) % topics.length];
    if (!poster || !topic) throw new Error('bench/replies: no poster or no topic');
    const named = (n: number) =>
      `@${mentionable[Math.floor(draw(k, 60 + n) * mentionable.length)]}`;
    const mentions =
      draw(k, 61) < MENTION_TWO
        ? ` ${named(0)} et ${named(1)}, qu’en pensez-vous ?`
        : draw(k, 61) < MENTION_ONE
          ? ` ${named(0)}, tu avais eu le cas ?`
          : '';
    const parent =
      draw(k, 62) < ANSWERS_A_REPLY
        ? topic.replyIds[Math.floor(draw(k, 63) * topic.replyIds.length)]
        : undefined;
    return {
      method: 'POST',
      path: `/api/v1/topics/${topic.id}/replies`,
      headers: { authorization: `Bearer ${poster.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        body: `Réponse ${k} : j’ai essayé la semaine dernière, ça marche bien.${mentions}`,
        ...(parent === undefined ? {} : { parentReplyId: parent }),
      }),
    };
  });
}

export interface Posted {
  seconds: number;
  created: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Socket errors, time-outs and answers other than 201. */
  failed: number;
}

/** Posts replies from `connections` connections for `seconds`, each the next of `posts`. */
export async function postReplies(
  base: string,
  posts: Post[],
  seconds: number,
  connections: number,
): Promise<Posted> {
  let next = 0;
  const r = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ setupRequest: () => posts[next++ % posts.length] ?? {} }],
  });
  const created = r.statusCodeStats['201']?.count ?? 0;
  const answered = Object.values(r.statusCodeStats).reduce((n, s) => n + s.count, 0);
  return {
    seconds: r.duration,
    created,
    perSecond: created / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.errors + answered - created,
  };
}
