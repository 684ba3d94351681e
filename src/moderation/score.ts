import type { FlagReason } from './store.js';

/**
 * The review score (docs/moderation.md, "Flags and the review queue"), after Discourse's
 * reviewable score: each flag weighs its type bonus + the flagger's trust level + twice the
 * flagger's accuracy; an item's score is the sum of its open flags' weights.
 */
export const typeBonus: Record<FlagReason, number> = {
  spam: 3,
  harassment: 3,
  inappropriate: 2,
  off_topic: 1,
  other: 1,
};

/** Two ordinary members flagging spam or harassment (5 + 5) hide a post at once. */
export const DEFAULT_HIDE_THRESHOLD = 10;
export const MIN_HIDE_THRESHOLD = 1;
export const MAX_HIDE_THRESHOLD = 1000;
const ACCURACY_FACTOR = 2;

/** Laplace-smoothed share of the flagger's decided flags that staff agreed with. */
export function accuracyOf(record: { agreed: number; disagreed: number }): number {
  return (record.agreed + 1) / (record.agreed + record.disagreed + 2);
}

export interface FlagWeight {
  type: number;
  trust: number;
  accuracy: number;
  total: number;
}

export function flagWeight(reason: FlagReason, trustLevel: number, accuracy: number): FlagWeight {
  const type = typeBonus[reason];
  const acc = Math.round(ACCURACY_FACTOR * accuracy * 100) / 100;
  return {
    type,
    trust: trustLevel,
    accuracy: acc,
    total: Math.round((type + trustLevel + acc) * 100) / 100,
  };
}
