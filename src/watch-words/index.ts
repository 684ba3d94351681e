/**
 * Watch words (issue 24): each community's lists of words and phrases, kept by its staff, with
 * an action — flag for review, hold before it is shown, or block with a message to the author.
 * Conversations refuse blocked posts and record flag and hold matches; the moderation gate
 * turns those into review-queue items.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { registerWatchWordsApi } from './routes-api.js';
import { registerWatchWordsPages } from './routes-pages.js';

export function registerWatchWords(app: FastifyInstance, deps: AppDeps): void {
  registerWatchWordsApi(app, deps);
  registerWatchWordsPages(app, deps);
}

export { watchWordsMessages } from './messages.js';
export { watchWordsPath } from './paths.js';
export { checkWatchWords, recordWatchMatches, refuseBlocked, type WatchResult } from './check.js';
export type { WatchAction, WatchCheck, WatchMatch } from './match.js';
