import type * as store from './store.js';

type Picks = Awaited<ReturnType<typeof store.picksWithTitles>>;

export function presentPicks(p: Picks) {
  return {
    pins: p.pins.map((x) => ({
      topicId: Number(x.topic_id),
      title: x.title,
      group: x.group_name ?? null,
      pinnedAt: new Date(Number(x.pinned_at)).toISOString(),
    })),
    exclusions: p.exclusions.map((x) => ({
      topicId: Number(x.topic_id),
      title: x.title,
      excludedAt: new Date(Number(x.excluded_at)).toISOString(),
    })),
  };
}
