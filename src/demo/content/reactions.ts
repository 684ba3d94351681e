import { HOUR, weekdayShift, type Clock } from './calendar.js';
import type { Random } from './random.js';
import type { Thread } from './topics.js';
import type { DemoReaction } from './types.js';

type Kind = DemoReaction['kind'];

/** Relative frequency of each reaction; « Merci » dominates on answers. */
const ON_QUESTION: readonly (readonly [Kind, number])[] = [
  ['like', 3],
  ['insightful', 2],
  ['support', 2],
  ['merci', 1],
];
const ON_DISCUSSION: readonly (readonly [Kind, number])[] = [
  ['like', 4],
  ['merci', 3],
  ['support', 2],
  ['insightful', 1],
];
const ON_REPLY: readonly (readonly [Kind, number])[] = [
  ['merci', 4],
  ['like', 3],
  ['insightful', 2],
  ['support', 1],
];

/** Reactions on a topic and its replies, by members present in the space, after the target. */
export function addReactions(rng: Random, clock: Clock, thread: Thread): void {
  const { topic, space } = thread;
  const reactions = topic.reactions;
  const react = (target: DemoReaction['target'], after: number, done: Set<string>, n: number) => {
    const kinds =
      target !== 'topic' ? ON_REPLY : topic.kind === 'question' ? ON_QUESTION : ON_DISCUSSION;
    for (let i = 0; i < n; i++) {
      const at = Math.round(weekdayShift(rng, after + rng.logNormal(5 * HOUR, 1.5)));
      if (at > clock.now) continue;
      const seat = space.pool.pick(rng, 'react', at, done);
      if (seat === undefined) continue;
      done.add(seat.handle);
      reactions.push({ handle: seat.handle, kind: weighted(rng, kinds), target, createdAt: at });
    }
  };
  const topicCount = rng.int(0, 2) + Math.floor(topic.replies.length * 0.6 * rng.next());
  react('topic', topic.createdAt, new Set([topic.authorHandle]), topicCount);
  topic.replies.forEach((reply, index) => {
    const done = new Set([reply.authorHandle]);
    let n = rng.chance(0.4) ? 1 + (rng.chance(0.3) ? rng.int(1, 3) : 0) : 0;
    if (index === topic.acceptedReplyIndex) {
      // The asker thanks the person who solved the problem.
      const at = reply.createdAt + Math.round(rng.logNormal(HOUR, 1));
      if (at <= clock.now && space.pool.has(topic.authorHandle, at)) {
        reactions.push({ handle: topic.authorHandle, kind: 'merci', target: index, createdAt: at });
        done.add(topic.authorHandle);
      }
      n += 2;
    }
    react(index, reply.createdAt, done, n);
  });
  reactions.sort((a, b) => a.createdAt - b.createdAt);
}

function weighted(rng: Random, kinds: readonly (readonly [Kind, number])[]): Kind {
  const total = kinds.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [kind, w] of kinds) {
    r -= w;
    if (r < 0) return kind;
  }
  return 'like';
}
