import { findUsersByIds, userPath } from '../accounts/index.js';
import { communityPath, groupPath } from '../communities/index.js';
import { postFacts, topicPath, type TopicFacts } from '../conversations/index.js';
import type { Db } from '../db/index.js';
import * as store from './store.js';
import { wordsOf } from './words.js';

/** A space of a community: the community itself (group null) or one of its groups. */
export type SpaceKey = string;
export function spaceKey(communityId: number, groupId: number | null): SpaceKey {
  return groupId === null ? `c${communityId}` : `g${groupId}`;
}

export interface Place {
  communityId: number;
  groupId: number | null;
  name: string;
  communityName: string;
  path: string;
}

export interface Person {
  id: number;
  handle: string;
  displayName: string;
  path: string;
}

export interface TopicItem {
  id: number;
  communityId: number;
  groupId: number | null;
  title: string;
  kind: string;
  authorId: number;
  path: string;
  /** Topic and replies written in the window. */
  posts: number;
  lastAt: number;
  words: Set<string>;
}

/** What happened in one community since one moment, worked out once for every member. */
export interface Window {
  community: { id: number; slug: string; name: string };
  places: Map<SpaceKey, Place>;
  figures: Map<SpaceKey, { topics: number; replies: number; newcomers: number }>;
  /** Topics with posts in the window, per space, the most active first. */
  active: Map<SpaceKey, TopicItem[]>;
  /** Questions asked in the window with no reply and no accepted answer yet. */
  openQuestions: TopicItem[];
  newcomers: Map<SpaceKey, Person[]>;
  /** Per author: the posts thanked in the window and by whom (reactions taken back left out). */
  thanks: Map<number, ThanksItem[]>;
  pins: Map<SpaceKey, { topic: TopicItem; pinnedAt: number }>;
  excluded: Set<number>;
}

export interface ThanksItem {
  communityId: number;
  groupId: number | null;
  topicId: number;
  replyId: number | null;
  title: string;
  path: string;
  by: Person[];
  lastAt: number;
}

interface Loaded {
  community: { id: number; slug: string; name: string };
  places: Map<SpaceKey, Place>;
  events: store.LogEvent[];
  facts: Awaited<ReturnType<typeof postFacts>>;
  people: Map<number, Person>;
  pins: Awaited<ReturnType<typeof store.picksOf>>['pins'];
  excluded: Set<number>;
}

/**
 * Loads each community's activity since `floor` once (a few queries per community), and folds
 * it into a Window per distinct `since`: members of one schedule share theirs, so a run of
 * 100,000 members reads each community's week once.
 */
export function createActivityCache(db: Db, floor: number) {
  const loaded = new Map<number, Promise<Loaded | null>>();
  const windows = new Map<string, Promise<Window | null>>();

  async function load(communityId: number): Promise<Loaded | null> {
    const { communities, groups } = await store.placesOf(db, [communityId]);
    const community = communities[0];
    if (!community) return null;
    const places = new Map<SpaceKey, Place>();
    places.set(spaceKey(community.id, null), {
      communityId: community.id,
      groupId: null,
      name: community.name,
      communityName: community.name,
      path: communityPath(community.slug),
    });
    for (const g of groups)
      places.set(spaceKey(community.id, g.id), {
        communityId: community.id,
        groupId: g.id,
        name: g.name,
        communityName: community.name,
        path: groupPath(community.slug, g.slug),
      });
    const [events, picks] = await Promise.all([
      store.communityEvents(db, communityId, floor),
      store.picksOf(db, [communityId]),
    ]);
    const topicIds = new Set<number>(picks.pins.map((p) => p.topic_id));
    const replyIds = new Set<number>();
    const peopleIds = new Set<number>();
    for (const e of events) {
      if (e.kind === 'topic.created' && e.target_id !== null) topicIds.add(e.target_id);
      if (e.kind === 'reply.created' && e.topic_id !== null) topicIds.add(e.topic_id);
      if (e.kind === 'reaction.added' || e.kind === 'reaction.removed') {
        if (e.target_kind === 'topic' && e.target_id !== null) topicIds.add(e.target_id);
        if (e.target_kind === 'reply' && e.target_id !== null) replyIds.add(e.target_id);
      }
      if (e.actor_id !== null && e.kind !== 'topic.created' && e.kind !== 'reply.created')
        peopleIds.add(e.actor_id);
    }
    const [facts, users] = await Promise.all([
      postFacts(db, { topicIds, replyIds }),
      findUsersByIds(db, [...peopleIds]),
    ]);
    const people = new Map<number, Person>();
    for (const u of users)
      if (u.deleted_at === null)
        people.set(u.id, {
          id: u.id,
          handle: u.handle,
          displayName: u.display_name,
          path: userPath(u.handle),
        });
    return {
      community,
      places,
      events,
      facts,
      people,
      pins: picks.pins,
      excluded: new Set(picks.exclusions.map((x) => Number(x.topic_id))),
    };
  }

  function loadedOf(communityId: number) {
    let p = loaded.get(communityId);
    if (!p) loaded.set(communityId, (p = load(communityId)));
    return p;
  }

  /** The community's window since `since` (at least `floor`). */
  return function windowOf(communityId: number, since: number): Promise<Window | null> {
    const from = Math.max(since, floor);
    const key = `${communityId}:${from}`;
    let w = windows.get(key);
    if (!w) {
      w = loadedOf(communityId).then((l) => (l ? foldWindow(l, from) : null));
      windows.set(key, w);
    }
    return w;
  };
}

function topicItem(t: TopicFacts, slug: string): TopicItem {
  return {
    id: t.id,
    communityId: t.communityId,
    groupId: t.groupId,
    title: t.title,
    kind: t.kind,
    authorId: t.authorId,
    path: topicPath(slug, t.id),
    posts: 0,
    lastAt: 0,
    words: wordsOf(t.title),
  };
}

function foldWindow(l: Loaded, since: number): Window {
  const { community, facts } = l;
  const figures = new Map<SpaceKey, { topics: number; replies: number; newcomers: number }>();
  const figuresOf = (key: SpaceKey) => {
    let f = figures.get(key);
    if (!f) figures.set(key, (f = { topics: 0, replies: 0, newcomers: 0 }));
    return f;
  };
  const topics = new Map<number, TopicItem>();
  const itemOf = (topicId: number) => {
    let item = topics.get(topicId);
    if (!item) {
      const t = facts.topics.get(topicId);
      if (!t || t.isDeleted || t.isHidden) return undefined;
      topics.set(topicId, (item = topicItem(t, community.slug)));
    }
    return item;
  };
  const asked = new Set<number>();
  const replied = new Set<number>();
  const newcomers = new Map<SpaceKey, Person[]>();
  const reactions = new Map<string, { at: number; actor: number }>();

  for (const e of l.events) {
    if (e.created_at < since) continue;
    const key = spaceKey(community.id, e.group_id);
    switch (e.kind) {
      case 'topic.created': {
        figuresOf(key).topics += 1;
        const item = e.target_id === null ? undefined : itemOf(e.target_id);
        if (!item) break;
        item.posts += 1;
        item.lastAt = Math.max(item.lastAt, e.created_at);
        if (item.kind === 'question') asked.add(item.id);
        break;
      }
      case 'reply.created': {
        figuresOf(key).replies += 1;
        const item = e.topic_id === null ? undefined : itemOf(e.topic_id);
        if (!item) break;
        item.posts += 1;
        item.lastAt = Math.max(item.lastAt, e.created_at);
        replied.add(item.id);
        break;
      }
      case 'community.joined':
      case 'group.joined': {
        const person = e.actor_id === null ? undefined : l.people.get(e.actor_id);
        if (!person) break;
        figuresOf(key).newcomers += 1;
        const list = newcomers.get(key) ?? [];
        if (!list.some((p) => p.id === person.id)) list.push(person);
        newcomers.set(key, list);
        break;
      }
      case 'reaction.added':
      case 'reaction.removed': {
        if (e.detail !== 'merci' || e.actor_id === null || e.target_id === null) break;
        const r = `${e.target_kind ?? ''}:${e.target_id}:${e.actor_id}`;
        if (e.kind === 'reaction.added') reactions.set(r, { at: e.created_at, actor: e.actor_id });
        else reactions.delete(r);
        break;
      }
    }
  }

  const active = new Map<SpaceKey, TopicItem[]>();
  for (const item of topics.values()) {
    const key = spaceKey(item.communityId, item.groupId);
    active.set(key, [...(active.get(key) ?? []), item]);
  }
  // An animators' announcement of the period comes first in its space, however quiet it is:
  // the pulse is where members who never open Ruche read it (issue 23).
  const isAnnouncement = (t: TopicItem) => (t.kind === 'announcement' ? 1 : 0);
  for (const list of active.values())
    list.sort(
      (a, b) => isAnnouncement(b) - isAnnouncement(a) || b.posts - a.posts || b.lastAt - a.lastAt,
    );

  const openQuestions = [...asked]
    .filter((id) => !replied.has(id) && facts.topics.get(id)?.acceptedReplyId === null)
    .flatMap((id) => topics.get(id) ?? []);

  const pins = new Map<SpaceKey, { topic: TopicItem; pinnedAt: number }>();
  for (const p of l.pins) {
    const t = facts.topics.get(Number(p.topic_id));
    if (!t || t.isDeleted) continue;
    const topic = topics.get(t.id) ?? topicItem(t, community.slug);
    pins.set(spaceKey(community.id, p.group_id), { topic, pinnedAt: Number(p.pinned_at) });
  }

  return {
    community,
    places: l.places,
    figures,
    active,
    openQuestions,
    newcomers,
    thanks: foldThanks(l, reactions),
    pins,
    excluded: l.excluded,
  };
}

function foldThanks(
  l: Loaded,
  reactions: Map<string, { at: number; actor: number }>,
): Map<number, ThanksItem[]> {
  const byPost = new Map<string, ThanksItem & { authorId: number }>();
  for (const [key, { at, actor }] of reactions) {
    const [kind, idText] = key.split(':');
    const id = Number(idText);
    const reply = kind === 'reply' ? l.facts.replies.get(id) : undefined;
    const topic = l.facts.topics.get(reply ? reply.topicId : id);
    if (!topic || topic.isDeleted || reply?.isDeleted) continue;
    const authorId = reply ? reply.authorId : topic.authorId;
    const person = l.people.get(actor);
    if (!person || actor === authorId) continue;
    const postKey = `${kind}:${id}`;
    let item = byPost.get(postKey);
    if (!item) {
      item = {
        authorId,
        communityId: topic.communityId,
        groupId: topic.groupId,
        topicId: topic.id,
        replyId: reply ? reply.id : null,
        title: topic.title,
        path: topicPath(l.community.slug, topic.id),
        by: [],
        lastAt: 0,
      };
      byPost.set(postKey, item);
    }
    item.by.push(person);
    item.lastAt = Math.max(item.lastAt, at);
  }
  const out = new Map<number, ThanksItem[]>();
  for (const item of byPost.values())
    out.set(item.authorId, [...(out.get(item.authorId) ?? []), item]);
  return out;
}
