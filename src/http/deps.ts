import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Store } from '../db/index.js';
import type { LivePush } from '../live/index.js';
import type { Jobs } from '../jobs/index.js';
import type { Mailer, Unsubscribe } from '../mail/index.js';
import type { RateLimits } from './limits.js';
import type { PageContext } from './page-context.js';

/**
 * What another feature shows on a topic's or a group's page for its reader (the notifications'
 * watching level), wired by the composition root so that neither feature imports the other.
 * Called before the page context is built: it may note that the reader saw the topic.
 */
export type PlaceControl = (
  req: FastifyRequest,
  place: { kind: 'topic' | 'group' | 'conversation'; id: number },
) => Promise<((ctx: PageContext) => VNode) | null>;

/**
 * A section another feature adds to a page it does not own (the pulse's settings on the
 * notifications' preferences page), wired by the composition root; null: nothing to show.
 */
export type PageExtra = (req: FastifyRequest) => Promise<((ctx: PageContext) => VNode) | null>;

/** What route modules receive from the composition root. */
export interface AppDeps {
  store: Store;
  mailer: Mailer;
  /** The instance's address: emails prefix their links' paths with it. */
  publicUrl: string;
  /** One-click unsubscription: every email's List-Unsubscribe link, and the lists (src/mail/). */
  unsubscribe: Unsubscribe;
  limits: RateLimits;
  /** The limits on new accounts by trust level (src/trust/): TRUST_LIMITS. */
  trustLimits: boolean;
  cookieSecure: boolean;
  /** Live updates to members' open pages: call after commit (src/live/). */
  live: LivePush;
  /** Background jobs: features enqueue theirs here (src/jobs/). */
  jobs: Jobs;
  placeControl?: PlaceControl | undefined;
  /** Sections of the notifications' preferences page from other features (the pulse). */
  preferencesExtra?: PageExtra | undefined;
}
