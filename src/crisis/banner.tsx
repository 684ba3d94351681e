import type { CommunityAccess } from '../communities/index.js';
import type { Store } from '../db/index.js';
import type { PageContext } from '../http/index.js';
import { CrisisBanner } from './pages/crisis.js';
import { crisisBannerFor } from './service.js';

/**
 * The crisis banner, for the community's home and group pages (the conversations' extras, wired
 * in src/app.ts so that neither communities nor conversations import crisis): staff only.
 */
export function crisisBannerExtra(store: Store) {
  return async (ctx: PageContext, access: CommunityAccess) => {
    const banner = await crisisBannerFor(store.db, access);
    return banner ? (
      <CrisisBanner ctx={ctx} slug={access.community.slug} since={banner.since} />
    ) : null;
  };
}
