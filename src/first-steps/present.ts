import type { FirstSteps } from './service.js';
import { charterPath, composePath, firstStepsEditPath } from './paths.js';

/** The first-steps page as the API gives it. */
export function presentFirstSteps(page: FirstSteps) {
  const slug = page.community.slug;
  return {
    community: page.community,
    charter: page.charter && { ...page.charter, href: charterPath(slug) },
    welcome: page.welcome,
    introduce: {
      topic: page.introduce.topic && {
        name: page.introduce.topic.title,
        href: page.introduce.topic.href,
      },
      group: page.introduce.group,
    },
    groups: page.groups.map((g) => ({
      id: g.id,
      slug: g.slug,
      name: g.name,
      description: g.description,
      href: g.href,
      reason: g.reason,
    })),
    ask: { text: page.ask, href: composePath(slug) },
    editHref: page.canEdit ? firstStepsEditPath(slug) : null,
  };
}
