import type { Store } from '../db/index.js';
import type { LivePush } from '../live/index.js';
import type { Jobs } from '../jobs/index.js';
import type { Mailer } from '../mail/index.js';
import type { RateLimits } from './limits.js';

/** What route modules receive from the composition root. */
export interface AppDeps {
  store: Store;
  mailer: Mailer;
  publicUrl: string;
  limits: RateLimits;
  cookieSecure: boolean;
  /** Live updates to members' open pages: call after commit (src/live/). */
  live: LivePush;
  /** Background jobs: features enqueue theirs here (src/jobs/). */
  jobs: Jobs;
}
