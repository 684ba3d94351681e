import { DAY, HOUR, MINUTE, type Clock } from './calendar.js';
import { ANIMATOR_HANDLE } from './profiles.js';
import type { Random } from './random.js';
import type { Space } from './structure.js';
import type { DemoReply, DemoTopic } from './types.js';
import { writeIntro, writeTopic, type Voice } from './writer.js';

/** A topic being built, with the space it lives in and the voice its replies will use. */
export interface Thread {
  topic: DemoTopic;
  space: Space;
  voice: Voice;
  /** Replies already written (the roll-call): threads.ts leaves it alone. */
  closed: boolean;
}

/** Every space's topics, oldest first, plus the roll-call that fills the crowded group. */
export function draftTopics(rng: Random, clock: Clock, spaces: readonly Space[]): Thread[] {
  const titles = new Set<string>();
  const threads: Thread[] = [];
  for (const space of spaces) {
    const questions = Math.round(space.topics * space.questionShare);
    const kinds = rng.shuffle(
      Array.from({ length: space.topics }, (_, i) => (i < questions ? 'question' : 'discussion')),
    );
    for (const kind of kinds) {
      const thread = draft(rng, clock, space, kind, titles);
      if (thread !== undefined) threads.push(thread);
    }
    if (space.crowded) threads.push(rollCall(rng, clock, space, titles));
  }
  return threads.sort((a, b) => a.topic.createdAt - b.topic.createdAt);
}

function draft(
  rng: Random,
  clock: Clock,
  space: Space,
  kind: 'question' | 'discussion',
  titles: Set<string>,
): Thread | undefined {
  for (let attempt = 0; attempt < 40; attempt++) {
    const at = clock.busy(rng, space.createdAt + 2 * HOUR, clock.now - 20 * MINUTE);
    const author = space.pool.pick(rng, 'post', at);
    if (author === undefined) continue;
    const voice = voiceOf(rng, space, author.handle, at);
    const { title, body } = writeTopic(voice, space.theme, kind, titles);
    titles.add(title);
    return {
      topic: topic(space, author.handle, kind, title, body, at),
      space,
      voice,
      closed: false,
    };
  }
  return undefined;
}

/**
 * « Tour de table »: the animator asks everyone in the welcome group to introduce themselves,
 * four weeks ago. Dozens answer, which is exactly what makes the group too big to stay a
 * micro-community, and what the cockpit should notice.
 */
function rollCall(rng: Random, clock: Clock, space: Space, titles: Set<string>): Thread {
  const at = Math.floor(clock.daysAgo(27) / DAY) * DAY + 9 * HOUR + 5 * MINUTE;
  const title = 'Tour de table : présentez-vous aux nouveaux !';
  titles.add(title);
  const body = [
    'Bonjour à toutes et à tous !',
    'Le groupe a beaucoup grandi ces derniers mois : **prenons cinq minutes pour faire connaissance**.',
    'Dites-nous en une ou deux phrases :',
    '- où vous êtes bénévole ;\n- sur quelle mission ;\n- ce que vous aimeriez découvrir.',
    'Je commence : animatrice du réseau, basée à Lyon, et toujours ravie de vous mettre en relation.',
  ].join('\n\n');
  const replies: DemoReply[] = [];
  for (const seat of rng.shuffle(space.pool.seats)) {
    if (seat.weights.post <= 0 || seat.handle === ANIMATOR_HANDLE) continue;
    const from = Math.max(at + 20 * MINUTE, seat.joinedAt + HOUR);
    const to = Math.min(clock.now - HOUR, seat.until);
    if (from >= to) continue;
    // Most people answer within a few days of the call, a few weeks later.
    const createdAt = Math.round(Math.min(to, from + rng.logNormal(1.5 * DAY, 1.3)));
    replies.push({
      authorHandle: seat.handle,
      body: writeIntro(rng),
      createdAt,
      parentIndex: null,
    });
  }
  replies.sort((a, b) => a.createdAt - b.createdAt);
  const thread = topic(space, ANIMATOR_HANDLE, 'discussion', title, body, at);
  thread.replies = replies;
  return { topic: thread, space, voice: voiceOf(rng, space, ANIMATOR_HANDLE, at), closed: true };
}

function voiceOf(rng: Random, space: Space, author: string, at: number): Voice {
  const skip = new Set([author]);
  return { rng, bound: new Map(), mention: () => space.pool.pick(rng, 'post', at, skip)?.handle };
}

function topic(
  space: Space,
  authorHandle: string,
  kind: 'question' | 'discussion',
  title: string,
  body: string,
  createdAt: number,
): DemoTopic {
  return {
    communitySlug: space.communitySlug,
    groupSlug: space.groupSlug,
    authorHandle,
    kind,
    title,
    body,
    createdAt,
    replies: [],
    acceptedReplyIndex: null,
    reactions: [],
  };
}
