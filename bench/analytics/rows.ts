import type { ActivityKind } from '../../src/activity/index.js';

/** Rows are flushed to the database in chunks of this many. */
export const CHUNK = 50_000;

/** Kinds the history writes, by code; the database receives the text. */
export const KINDS = [
  'community.joined',
  'community.left',
  'group.created',
  'group.joined',
  'topic.created',
  'topic.deleted',
  'reply.created',
  'reply.deleted',
  'answer.accepted',
  'reaction.added',
  'reaction.removed',
  'content.viewed',
] as const satisfies readonly ActivityKind[];
export type Kind = (typeof KINDS)[number];
export const K = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<Kind, number>;

/** Code 0 is NULL for the small text columns. */
export const TARGET_KINDS = [null, 'community', 'group', 'topic', 'reply'] as const;
export const T = { community: 1, group: 2, topic: 3, reply: 4 } as const;
export const DETAILS = [null, 'question', 'discussion', 'merci', 'like', 'insightful', 'support'];
export const D = {
  question: 1,
  discussion: 2,
  merci: 3,
  like: 4,
  insightful: 5,
  support: 6,
} as const;

/**
 * One chunk of activity_log rows in columns (0 stands for NULL in id columns), so 10 M rows
 * never exist as objects. The community is the same for every row.
 */
export class RowBuffer {
  readonly actor = new Int32Array(CHUNK);
  readonly group = new Int32Array(CHUNK);
  readonly kind = new Uint8Array(CHUNK);
  readonly targetKind = new Uint8Array(CHUNK);
  readonly target = new Int32Array(CHUNK);
  readonly topic = new Int32Array(CHUNK);
  readonly inReplyTo = new Int32Array(CHUNK);
  readonly detail = new Uint8Array(CHUNK);
  readonly at = new Float64Array(CHUNK);
  length = 0;

  get isFull(): boolean {
    return this.length === CHUNK;
  }

  /** Full, or every 8,192 rows: a chance for the database's I/O to progress meanwhile. */
  get isAtPause(): boolean {
    return this.length === CHUNK || (this.length > 0 && (this.length & 8191) === 0);
  }

  push(
    actor: number,
    kind: number,
    at: number,
    group: number,
    targetKind: number,
    target: number,
    topic: number,
    inReplyTo: number,
    detail: number,
  ): void {
    const i = this.length++;
    this.actor[i] = actor;
    this.kind[i] = kind;
    this.at[i] = at;
    this.group[i] = group;
    this.targetKind[i] = targetKind;
    this.target[i] = target;
    this.topic[i] = topic;
    this.inReplyTo[i] = inReplyTo;
    this.detail[i] = detail;
  }
}
