import type { WatchLevel } from './kinds.js';
import { isWatchLevel } from './kinds.js';

type Levels = Map<number, Map<number, WatchLevel>>;

function levelsOf(rows: { user_id: number; place_id: number; level: string }[]): Levels {
  const out: Levels = new Map();
  for (const r of rows) {
    if (!isWatchLevel(r.level)) continue;
    let users = out.get(r.place_id);
    if (!users) out.set(r.place_id, (users = new Map<number, WatchLevel>()));
    users.set(r.user_id, r.level);
  }
  return out;
}

/**
 * The watching levels chosen for one batch's topics and groups, kept up to date as the batch's
 * rows are read in order: a member who replies watches the topic for the replies after theirs.
 */
export class Watches {
  private readonly topics: Levels;
  private readonly groups: Levels;
  /** Topics members now watch because they posted there, to be saved with the batch. */
  readonly byDefault: { userId: number; topicId: number; at: number }[] = [];

  constructor(
    topicRows: { user_id: number; place_id: number; level: string }[],
    groupRows: { user_id: number; place_id: number; level: string }[],
  ) {
    this.topics = levelsOf(topicRows);
    this.groups = levelsOf(groupRows);
  }

  /** A topic's own level wins over its group's; with neither, normal. */
  levelOf(userId: number, topicId: number, groupId: number | null): WatchLevel {
    return (
      this.topics.get(topicId)?.get(userId) ??
      (groupId === null ? undefined : this.groups.get(groupId)?.get(userId)) ??
      'normal'
    );
  }

  /** Members for whom every new post of the topic notifies. */
  watchersOf(topicId: number, groupId: number | null): number[] {
    const candidates = new Set([
      ...(this.topics.get(topicId)?.keys() ?? []),
      ...(groupId === null ? [] : (this.groups.get(groupId)?.keys() ?? [])),
    ]);
    return [...candidates].filter((id) => this.levelOf(id, topicId, groupId) === 'watching');
  }

  /** Creating or replying to a topic watches it, unless the member chose a level already. */
  watchByDefault(userId: number, topicId: number, at: number): void {
    let users = this.topics.get(topicId);
    if (!users) this.topics.set(topicId, (users = new Map<number, WatchLevel>()));
    if (users.has(userId)) return;
    users.set(userId, 'watching');
    this.byDefault.push({ userId, topicId, at });
  }
}
