import { DAY, HOUR, MINUTE } from './calendar.js';
import type { Plan } from './history.js';
import { MEMBER_BASE } from './members.js';
import { Cast } from './cast.js';
import { TimeHeap } from './pool.js';
import type { Random } from './random.js';
import { D, K, T, type RowBuffer } from './rows.js';
import { ACCEPTED, ANSWERED, DELETED, RecentTopics, SLOTS } from './threads.js';

/** Topics that never get an answer from someone else. */
const SILENT = 0.08;
/** Questions whose asker (or an animator) later accepts an answer. */
const ACCEPTING = 0.36;
const STAFF_TOPICS = 0.04;
const STAFF_FIRST_RESPONSES = 0.18;
const STAFF_REPLIES = 0.04;
const STAFF_REACTIONS = 0.04;
const STAFF_VIEWS = 0.01;
const REMEMBERED_REACTIONS = 4096;

/**
 * The actions of the history, one activity row each, shaped exactly as the application writes
 * them (src/conversations/service.ts, src/communities/service.ts).
 */
export class Acts {
  readonly cast: Cast;
  private readonly topics = new RecentTopics();
  private readonly firstResponses = new TimeHeap(4096);
  private readonly acceptances = new TimeHeap(4096);
  private readonly reacted = {
    actor: new Int32Array(REMEMBERED_REACTIONS),
    targetKind: new Uint8Array(REMEMBERED_REACTIONS),
    target: new Int32Array(REMEMBERED_REACTIONS),
    topic: new Int32Array(REMEMBERED_REACTIONS),
    detail: new Uint8Array(REMEMBERED_REACTIONS),
    count: 0,
  };
  private replies = 0;

  constructor(
    private readonly rng: Random,
    private readonly plan: Plan,
    private readonly buf: RowBuffer,
  ) {
    this.cast = new Cast(rng, plan);
  }

  arrive(i: number, at: number): void {
    this.cast.arrive(i);
    const c = this.plan.communityId;
    this.buf.push(MEMBER_BASE + i, K['community.joined'], at, 0, T.community, c, 0, 0, 0);
  }

  /** The member goes quiet for good; a few also leave the community. */
  depart(i: number, at: number): void {
    this.cast.goQuiet(i);
    if (this.plan.people.leaves[i] !== 1) return;
    const c = this.plan.communityId;
    this.buf.push(MEMBER_BASE + i, K['community.left'], at, 0, T.community, c, 0, 0, 0);
  }

  /** One spontaneous row: about 70 % visits, 15 % reactions, 11 % replies, 3 % topics. */
  act(at: number): void {
    const u = this.rng.next();
    let done: boolean;
    if (u < 0.7) done = this.view(at);
    else if (u < 0.85) done = this.react(at);
    else if (u < 0.96) done = this.reply(at);
    else if (u < 0.99) done = this.createTopic(at);
    else if (u < 0.995) done = this.accept(at);
    else if (u < 0.997) done = this.unreact(at);
    else if (u < 0.9985) done = this.deleteReply(at);
    else if (u < 0.9995) done = this.deleteTopic(at);
    else done = this.joinGroup(at);
    // Nothing fitting yet (no topic, nothing to accept): a visit, or failing that a new topic.
    if (!done && !this.view(at)) this.createTopic(at);
  }

  private createTopic(at: number): boolean {
    const author = this.cast.poster(STAFF_TOPICS);
    const isQuestion = this.rng.chance(author >= MEMBER_BASE ? 0.5 : 0.15);
    const group = this.cast.chooseGroup(author);
    const id = this.topics.add(author, group, at, isQuestion);
    const detail = isQuestion ? D.question : D.discussion;
    this.buf.push(author, K['topic.created'], at, group, T.topic, id, id, 0, detail);
    if (!this.rng.chance(SILENT)) {
      // Newcomers' first topics wait a little longer: the welcome gap the cockpit watches.
      const slow = this.cast.isNewcomer(author) ? 1.3 : 1;
      const delay = Math.max(2 * MINUTE, slow * this.rng.logNormal(2.5 * HOUR, 1.4));
      this.firstResponses.push(at + delay, id);
    }
    this.cast.markPosted(author);
    return true;
  }

  /** A due first response if any (that is what response times measure), else a follow-up. */
  private reply(at: number): boolean {
    const topics = this.topics;
    while (this.firstResponses.topKey <= at) {
      const slot = topics.find(this.firstResponses.topValue);
      this.firstResponses.pop();
      if (slot < 0 || !topics.isLive(slot)) continue;
      const author = topics.author[slot] ?? 0;
      let actor = this.cast.poster(STAFF_FIRST_RESPONSES);
      for (let k = 0; k < 3 && actor === author; k++)
        actor = this.cast.poster(STAFF_FIRST_RESPONSES);
      if (actor === author) actor = this.cast.staff();
      const id = this.writeReply(slot, actor, 0, at);
      topics.mark(slot, ANSWERED);
      topics.firstReply[slot] = id;
      if (topics.isQuestion[slot] === 1 && this.rng.chance(ACCEPTING))
        this.acceptances.push(at + this.rng.logNormal(5 * HOUR, 1.3), topics.idAt(slot));
      return true;
    }
    for (let attempt = 0; attempt < 4; attempt++) {
      const slot = topics.byAge(at, this.rng.logNormal(8 * HOUR, 1.4));
      if (slot < 0 || !topics.isLive(slot) || !topics.has(slot, ANSWERED)) continue;
      // Authors come back to their own topic now and then: a contribution, never a response.
      const author = topics.author[slot] ?? 0;
      const actor =
        this.rng.chance(0.1) && this.cast.isAround(author, at)
          ? author
          : this.cast.poster(STAFF_REPLIES);
      const parent = this.rng.chance(0.25)
        ? topics.someReply(slot, this.rng.below(SLOTS), actor)
        : 0;
      this.writeReply(slot, actor, parent, at);
      return true;
    }
    return false;
  }

  private writeReply(slot: number, actor: number, parent: number, at: number): number {
    const id = ++this.replies;
    const topic = this.topics.idAt(slot);
    const group = this.topics.group[slot] ?? 0;
    this.buf.push(actor, K['reply.created'], at, group, T.reply, id, topic, parent, 0);
    this.topics.addReply(slot, id, actor);
    this.cast.markPosted(actor);
    return id;
  }

  private accept(at: number): boolean {
    const topics = this.topics;
    while (this.acceptances.topKey <= at) {
      const slot = topics.find(this.acceptances.topValue);
      this.acceptances.pop();
      if (slot < 0 || !topics.isLive(slot) || topics.has(slot, ACCEPTED)) continue;
      const author = topics.author[slot] ?? 0;
      const reply = topics.firstReply[slot] || topics.someReply(slot, 0, author);
      if (reply === 0) continue;
      const actor =
        this.rng.chance(0.9) && this.cast.isAround(author, at) ? author : this.cast.animator();
      const topic = topics.idAt(slot);
      const group = topics.group[slot] ?? 0;
      this.buf.push(actor, K['answer.accepted'], at, group, T.reply, reply, topic, 0, 0);
      topics.mark(slot, ACCEPTED);
      return true;
    }
    return false;
  }

  private react(at: number): boolean {
    const slot = this.liveTopic(at, this.rng.logNormal(10 * HOUR, 1.5));
    if (slot < 0) return false;
    const actor = this.cast.reactor(STAFF_REACTIONS);
    const reply =
      (this.topics.replyCount[slot] ?? 0) > 0 && this.rng.chance(0.5)
        ? this.topics.someReply(slot, this.rng.below(SLOTS), actor)
        : 0;
    // Nobody reacts to their own topic.
    if (reply === 0 && actor === this.topics.author[slot]) return false;
    const topic = this.topics.idAt(slot);
    const detail = this.reactionKind();
    const targetKind = reply ? T.reply : T.topic;
    this.writeReaction(actor, K['reaction.added'], at, slot, targetKind, reply || topic, detail);
    const r = this.reacted;
    const j = r.count++ % REMEMBERED_REACTIONS;
    r.actor[j] = actor;
    r.targetKind[j] = targetKind;
    r.target[j] = reply || topic;
    r.topic[j] = topic;
    r.detail[j] = detail;
    return true;
  }

  /** Takes back one of the recent reactions, with the same target. */
  private unreact(at: number): boolean {
    const r = this.reacted;
    if (r.count === 0) return false;
    const j = this.rng.below(Math.min(r.count, REMEMBERED_REACTIONS));
    const slot = this.topics.find(r.topic[j] ?? 0);
    const actor = r.actor[j] ?? 0;
    if (actor === 0 || !this.cast.isAround(actor, at) || slot < 0 || !this.topics.isLive(slot))
      return false;
    // A reaction on a reply deleted since (or no longer remembered) stays.
    const target = r.target[j] ?? 0;
    if (r.targetKind[j] === T.reply && this.topics.authorOfReply(slot, target) === 0) return false;
    const kind = K['reaction.removed'];
    const targetKind = r.targetKind[j] ?? T.topic;
    this.writeReaction(actor, kind, at, slot, targetKind, target, r.detail[j] ?? 0);
    r.actor[j] = 0;
    return true;
  }

  private writeReaction(
    actor: number,
    kind: number,
    at: number,
    slot: number,
    targetKind: number,
    target: number,
    detail: number,
  ): void {
    const topic = this.topics.idAt(slot);
    const group = this.topics.group[slot] ?? 0;
    const inReplyTo = targetKind === T.reply ? target : 0;
    this.buf.push(actor, kind, at, group, targetKind, target, topic, inReplyTo, detail);
  }

  private view(at: number): boolean {
    // Mostly the last days' topics; some reading of the archive.
    const age = this.rng.chance(0.85)
      ? this.rng.logNormal(20 * HOUR, 1.6)
      : this.rng.next() * 120 * DAY;
    const slot = this.liveTopic(at, age);
    if (slot < 0) return false;
    const actor = this.cast.viewer(STAFF_VIEWS);
    const topic = this.topics.idAt(slot);
    const group = this.topics.group[slot] ?? 0;
    this.buf.push(actor, K['content.viewed'], at, group, T.topic, topic, topic, 0, 0);
    return true;
  }

  /** Mostly by the author, within hours; otherwise by a moderator. */
  private deleteTopic(at: number): boolean {
    const slot = this.liveTopic(at, this.rng.logNormal(4 * HOUR, 1.5));
    if (slot < 0) return false;
    const author = this.topics.author[slot] ?? 0;
    const actor =
      this.rng.chance(0.7) && this.cast.isAround(author, at) ? author : this.cast.staff();
    const topic = this.topics.idAt(slot);
    const group = this.topics.group[slot] ?? 0;
    this.buf.push(actor, K['topic.deleted'], at, group, T.topic, topic, topic, 0, 0);
    this.topics.mark(slot, DELETED);
    return true;
  }

  private deleteReply(at: number): boolean {
    const slot = this.liveTopic(at, this.rng.logNormal(12 * HOUR, 1.5));
    if (slot < 0) return false;
    const reply = this.topics.someReply(slot, this.rng.below(SLOTS), 0);
    // The accepted answer stays: the application would also have to unaccept it.
    if (reply === 0 || this.topics.has(slot, ACCEPTED)) return false;
    const author = this.topics.authorOfReply(slot, reply);
    const actor =
      this.rng.chance(0.7) && this.cast.isAround(author, at) ? author : this.cast.staff();
    const topic = this.topics.idAt(slot);
    const group = this.topics.group[slot] ?? 0;
    this.buf.push(actor, K['reply.deleted'], at, group, T.reply, reply, topic, 0, 0);
    this.topics.dropReply(slot, reply);
    return true;
  }

  private joinGroup(at: number): boolean {
    const joined = this.cast.joinGroup();
    if (!joined) return false;
    const [actor, g] = joined;
    this.buf.push(actor, K['group.joined'], at, g, T.group, g, 0, 0, 0);
    return true;
  }

  /** A remembered, not deleted topic about `age` old (a couple of tries), or -1. */
  private liveTopic(at: number, age: number): number {
    for (let attempt = 0; attempt < 3; attempt++) {
      const slot = this.topics.byAge(at, attempt === 0 ? age : age * this.rng.next());
      if (slot < 0) return -1;
      if (this.topics.isLive(slot)) return slot;
    }
    return -1;
  }

  /** Reactions by frequency: « merci » a third, « like » under half, the others rarer. */
  private reactionKind(): number {
    const u = this.rng.next();
    if (u < 0.33) return D.merci;
    if (u < 0.78) return D.like;
    return u < 0.9 ? D.insightful : D.support;
  }
}
