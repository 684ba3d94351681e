/**
 * What people talk about in one space (a community root or a group). Strings are templates
 * filled by fill.ts; titles must leave room for many combinations because no two may be equal.
 */
export interface Theme {
  questions: readonly string[];
  discussions: readonly string[];
  /** First paragraph of a topic. */
  openings: readonly string[];
  /** List items, in topic bodies and in answers. */
  tips: readonly string[];
  /** Sentences of replies written by people who know the subject. */
  answers: readonly string[];
  /** [label, path] of a page on https://example.org. */
  links: readonly (readonly [string, string])[];
}
