import { HOUR, MINUTE, DAY, weekdayShift, type Clock } from './calendar.js';
import type { Random } from './random.js';
import type { Thread } from './topics.js';
import type { DemoReply } from './types.js';
import { writeAnswer, writeFollowUp, writeNested, writeThanks } from './writer.js';

/** Recent topics are often still waiting for an answer; old ones rarely stayed silent. */
const SILENT_RECENT = 0.45;
const SILENT_OLD = 0.06;
const RECENT = 10 * DAY;
/** Questions with an answer from someone else that end up with an accepted reply. */
const ACCEPT_RATE = 0.78;

/** Writes a topic's replies in time order, then picks the accepted answer of a question. */
export function growThread(rng: Random, clock: Clock, thread: Thread): void {
  if (thread.closed) return;
  const { topic, space, voice } = thread;
  const recent = clock.now - topic.createdAt < RECENT;
  if (rng.chance(recent ? SILENT_RECENT : SILENT_OLD)) return;
  const replies = topic.replies;
  const wanted = 1 + Math.floor(rng.logNormal(6, 0.8));
  // First answers come within minutes to a day (median about three hours).
  let at = topic.createdAt + Math.max(2 * MINUTE, rng.logNormal(3 * HOUR, 1.4));
  for (let i = 0; i < wanted; i++) {
    at = Math.round(weekdayShift(rng, at));
    if (at > clock.now) break;
    const previous = replies[replies.length - 1];
    const self =
      previous !== undefined &&
      previous.authorHandle !== topic.authorHandle &&
      rng.chance(0.07) &&
      space.pool.has(topic.authorHandle, at);
    const skip = new Set([topic.authorHandle, previous?.authorHandle ?? '']);
    const author = self ? topic.authorHandle : space.pool.pick(rng, 'post', at, skip)?.handle;
    if (author !== undefined) {
      const parentIndex = chooseParent(rng, replies, author, self);
      const parent = parentIndex === null ? undefined : replies[parentIndex];
      const body =
        parent !== undefined
          ? writeNested(voice, space.theme, parent.authorHandle)
          : self
            ? writeFollowUp(voice)
            : writeAnswer(voice, space.theme, topic.kind);
      replies.push({ authorHandle: author, body, createdAt: at, parentIndex });
    }
    at += Math.max(MINUTE, rng.logNormal(5 * HOUR, 1.5));
  }
  if (topic.kind === 'question') accept(rng, clock, thread);
}

/** About one reply in five answers an earlier reply rather than the topic. */
function chooseParent(
  rng: Random,
  replies: readonly DemoReply[],
  author: string,
  self: boolean,
): number | null {
  if (replies.length === 0 || !rng.chance(self ? 0.5 : 0.22)) return null;
  const index = rng.int(Math.max(0, replies.length - 4), replies.length - 1);
  return replies[index]?.authorHandle === author ? null : index;
}

function accept(rng: Random, clock: Clock, thread: Thread): void {
  const { topic, voice, space } = thread;
  const replies = topic.replies;
  const candidates = replies
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.authorHandle !== topic.authorHandle)
    .slice(0, 4);
  if (candidates.length === 0 || !rng.chance(ACCEPT_RATE)) return;
  // Earlier answers are accepted more often: the asker stops reading once helped.
  const chosen = candidates[Math.floor(candidates.length * rng.next() ** 1.8)] ?? candidates[0];
  if (chosen === undefined) return;
  topic.acceptedReplyIndex = chosen.index;
  const last = replies[replies.length - 1];
  if (last === undefined || !rng.chance(0.45)) return;
  const at = Math.round(
    Math.max(chosen.r.createdAt + rng.logNormal(2 * HOUR, 1.2), last.createdAt + MINUTE),
  );
  if (at > clock.now || !space.pool.has(topic.authorHandle, at)) return;
  replies.push({
    authorHandle: topic.authorHandle,
    body: writeThanks(voice, chosen.r.authorHandle),
    createdAt: at,
    parentIndex: chosen.index,
  });
}
