import { communityPath } from '../communities/index.js';

/** A community's watch word lists, for its staff. */
export function watchWordsPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/watch-words`;
}

/** The form that saves one list. */
export function watchListPath(communitySlug: string, listId: number): string {
  return `${watchWordsPath(communitySlug)}/${listId}`;
}
