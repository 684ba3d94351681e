import { filterReadableForMany, type Readable, type ReadableIds } from '../conversations/index.js';
import type { Db } from '../db/index.js';
import {
  createActivityCache,
  spaceKey,
  type Person,
  type Place,
  type SpaceKey,
  type ThanksItem,
  type TopicItem,
  type Window,
} from './activity.js';
import * as store from './store.js';
import { sharedWords, wordsOf } from './words.js';

/** Who a pulse is built for, and from when. */
export interface PulseReader {
  id: number;
  isAdmin: boolean;
  since: number;
}

export interface PulseTopic {
  id: number;
  title: string;
  kind: string;
  path: string;
  posts: number;
  isPinned: boolean;
}

export interface PulseSpace {
  place: Place;
  figures: { topics: number; replies: number; newcomers: number };
  topics: PulseTopic[];
}

export interface Pulse {
  userId: number;
  since: number;
  /** The communities it speaks of, the busiest first: the first names the pulse. */
  communities: string[];
  needsYou: {
    questions: (PulseTopic & { place: Place })[];
    newcomers: (Person & { place: Place })[];
  };
  spaces: PulseSpace[];
  thanks: ThanksItem[];
}

const QUESTIONS = 3;
const NEWCOMERS = 6;
const TOPICS_PER_SPACE = 3;
// Candidates asked about per space: enough that a few unreadable or seen ones leave three.
const CANDIDATES_PER_SPACE = 8;

/**
 * Builds the pulses of many members at once: the communities' activity is read once per run
 * (activity.ts), the members' places, views, words and read thanks once per batch, and what each
 * member may read among their candidates is asked once per batch (`filterReadableForMany`). A
 * member with nothing left (all seen, or nothing happened) gets null: no pulse.
 */
export function createPulseBuilder(db: Db, floor: number) {
  const windowOf = createActivityCache(db, floor);
  return async function buildPulses(readers: PulseReader[]): Promise<Map<number, Pulse | null>> {
    const ids = readers.map((r) => r.id);
    const [spaces, views, answered, thanksRead] = await Promise.all([
      store.spacesOf(db, ids),
      store.viewsOf(db, ids, floor),
      store.answeredTitlesOf(db, ids),
      store.thanksReadOf(db, ids),
    ]);
    const communitiesOf = groupBy(
      spaces.communities,
      (r) => r.user_id,
      (r) => r.community_id,
    );
    const groupsOf = groupBy(
      spaces.groups,
      (r) => r.user_id,
      (r) => r.group_id,
    );
    const seenOf = new Map<number, Map<number, number>>();
    for (const v of views) {
      const m = seenOf.get(v.actor_id) ?? new Map<number, number>();
      m.set(v.topic_id, v.at);
      seenOf.set(v.actor_id, m);
    }
    const wordsOfMember = new Map<number, Set<string>>();
    for (const a of answered) {
      const set = wordsOfMember.get(a.author_id) ?? new Set<string>();
      for (const w of wordsOf(a.title)) set.add(w);
      wordsOfMember.set(a.author_id, set);
    }
    const thanksReadAt = new Map<string, number>();
    for (const n of thanksRead)
      if (n.read_at !== null) thanksReadAt.set(`${n.user_id}:${n.subject}`, Number(n.read_at));

    const drafts = await Promise.all(
      readers.map(async (reader) => {
        const windows = (
          await Promise.all(
            (communitiesOf.get(reader.id) ?? []).map((c) => windowOf(c, reader.since)),
          )
        ).filter((w): w is Window => w !== null);
        return draftOf(reader, windows, {
          groups: new Set(groupsOf.get(reader.id) ?? []),
          seen: seenOf.get(reader.id) ?? new Map<number, number>(),
          words: wordsOfMember.get(reader.id) ?? new Set(),
          thanksReadAt: (subject) => thanksReadAt.get(`${reader.id}:${subject}`) ?? null,
        });
      }),
    );
    // One question for the whole batch: the domain's rules, never restated here.
    const readableOf = await filterReadableForMany(
      db,
      drafts.map((d) => ({ reader: d.reader, ids: d.ids })),
    );
    const out = new Map<number, Pulse | null>();
    for (const d of drafts) out.set(d.reader.id, finish(d, readableOf.get(d.reader.id)));
    return out;
  };
}

interface MemberFacts {
  groups: Set<number>;
  /** The member's latest view of each topic. */
  seen: Map<number, number>;
  words: Set<string>;
  thanksReadAt(subject: string): number | null;
}

/** A member's candidates, before asking which they may read; and the ids to ask about. */
function draftOf(reader: PulseReader, windows: Window[], m: MemberFacts) {
  const isSeen = (t: TopicItem) => (m.seen.get(t.id) ?? -1) >= t.lastAt;
  const isMine = (key: SpaceKey, w: Window) =>
    key === spaceKey(w.community.id, null) || m.groups.has(Number(key.slice(1)));

  // Candidates, before asking which the member may read.
  const questions: { item: TopicItem; place: Place; score: number }[] = [];
  const newcomers: (Person & { place: Place })[] = [];
  const spaces: {
    place: Place;
    key: SpaceKey;
    w: Window;
    candidates: TopicItem[];
    pin?: TopicItem;
  }[] = [];
  const thanks: ThanksItem[] = [];
  for (const w of windows) {
    for (const q of w.openQuestions) {
      const key = spaceKey(q.communityId, q.groupId);
      const place = w.places.get(key);
      if (!place || !isMine(key, w) || q.authorId === reader.id || w.excluded.has(q.id)) continue;
      if (isSeen(q)) continue;
      const score = sharedWords(q.words, m.words);
      if (score > 0) questions.push({ item: q, place, score });
    }
    for (const [key, place] of w.places) {
      if (!isMine(key, w)) continue;
      // A space's newcomers come together, so no more than the pulse can show are taken from
      // each: a big community's week has hundreds, and every member's pulse walked them all.
      for (const p of firstOf(w.newcomers.get(key), NEWCOMERS, (p) => p.id !== reader.id))
        newcomers.push({ ...p, place });
      const pinned = w.pins.get(key);
      const pin =
        pinned && pinned.pinnedAt >= reader.since && !w.excluded.has(pinned.topic.id)
          ? pinned.topic
          : undefined;
      const candidates = firstOf(
        w.active.get(key),
        CANDIDATES_PER_SPACE,
        (t) => !w.excluded.has(t.id) && t.id !== pin?.id && !isSeen(t),
      );
      if (pin || candidates.length > 0 || w.figures.has(key))
        spaces.push({ place, key, w, candidates, ...(pin ? { pin } : {}) });
    }
    for (const t of w.thanks.get(reader.id) ?? []) {
      const subject =
        t.replyId === null ? `thanks:topic:${t.topicId}` : `thanks:reply:${t.replyId}`;
      if ((m.thanksReadAt(subject) ?? -1) < t.lastAt) thanks.push(t);
    }
  }
  questions.sort((a, b) => b.score - a.score || b.item.lastAt - a.item.lastAt);

  const topicIds = new Set<number>();
  for (const q of questions.slice(0, QUESTIONS * 3)) topicIds.add(q.item.id);
  for (const s of spaces) {
    for (const t of s.candidates) topicIds.add(t.id);
    if (s.pin) topicIds.add(s.pin.id);
  }
  for (const t of thanks) topicIds.add(t.topicId);
  const ids: ReadableIds = {
    topicIds: [...topicIds],
    replyIds: thanks.flatMap((t) => (t.replyId === null ? [] : [t.replyId])),
    groupIds: spaces.flatMap((s) => (s.place.groupId === null ? [] : [s.place.groupId])),
    communityIds: [...new Set(spaces.map((s) => s.place.communityId))],
  };
  return { reader, windows, questions, newcomers, spaces, thanks, ids };
}

/** The pulse a draft leaves once what the member may not read is out; null when nothing is left. */
function finish(
  { reader, windows, questions, newcomers, spaces, thanks }: ReturnType<typeof draftOf>,
  answer: Readable | undefined,
): Pulse | null {
  const readable = answer ?? {
    topicIds: new Set<number>(),
    replyIds: new Set<number>(),
    groupIds: new Set<number>(),
    communityIds: new Set<number>(),
  };
  const canRead = (p: Place) =>
    p.groupId === null
      ? readable.communityIds.has(p.communityId)
      : readable.groupIds.has(p.groupId);

  const pulseTopic = (t: TopicItem, isPinned: boolean): PulseTopic => ({
    id: t.id,
    title: t.title,
    kind: t.kind,
    path: t.path,
    posts: t.posts,
    isPinned,
  });
  const pulse: Pulse = {
    userId: reader.id,
    since: reader.since,
    communities: [],
    needsYou: {
      questions: questions
        .filter((q) => readable.topicIds.has(q.item.id))
        .slice(0, QUESTIONS)
        .map((q) => ({ ...pulseTopic(q.item, false), place: q.place })),
      newcomers: newcomers.filter((n) => canRead(n.place)).slice(0, NEWCOMERS),
    },
    spaces: [],
    thanks: thanks.filter(
      (t) =>
        readable.topicIds.has(t.topicId) &&
        (t.replyId === null || readable.replyIds.has(t.replyId)),
    ),
  };
  const busy = new Map<string, number>();
  for (const s of spaces) {
    if (!canRead(s.place)) continue;
    const topics = s.candidates
      .filter((t) => readable.topicIds.has(t.id))
      .slice(0, TOPICS_PER_SPACE);
    const pin = s.pin && readable.topicIds.has(s.pin.id) ? [pulseTopic(s.pin, true)] : [];
    const figures = s.w.figures.get(s.key) ?? { topics: 0, replies: 0, newcomers: 0 };
    if (pin.length === 0 && topics.length === 0) continue;
    pulse.spaces.push({
      place: s.place,
      figures,
      topics: [...pin, ...topics.map((t) => pulseTopic(t, false))],
    });
    const name = s.place.communityName;
    busy.set(name, (busy.get(name) ?? 0) + figures.topics + figures.replies + 1);
  }
  for (const q of pulse.needsYou.questions)
    busy.set(q.place.communityName, busy.get(q.place.communityName) ?? 0);
  for (const n of pulse.needsYou.newcomers)
    busy.set(n.place.communityName, busy.get(n.place.communityName) ?? 0);
  pulse.communities = [...busy].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  for (const w of windows)
    if (
      pulse.thanks.some((t) =>
        t.path.startsWith(`${w.places.get(spaceKey(w.community.id, null))?.path ?? ''}/`),
      )
    )
      if (!pulse.communities.includes(w.community.name)) pulse.communities.push(w.community.name);

  const isEmpty =
    pulse.needsYou.questions.length === 0 &&
    pulse.needsYou.newcomers.length === 0 &&
    pulse.spaces.length === 0 &&
    pulse.thanks.length === 0;
  return isEmpty ? null : pulse;
}

/** The first `n` items that pass, without walking the rest. */
function firstOf<T>(items: T[] | undefined, n: number, passes: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items ?? []) {
    if (out.length === n) break;
    if (passes(item)) out.push(item);
  }
  return out;
}

function groupBy<T, K, V>(rows: T[], key: (r: T) => K, value: (r: T) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(value(r));
    else out.set(key(r), [value(r)]);
  }
  return out;
}
