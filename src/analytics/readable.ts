import type { CockpitView } from './privacy.js';

/**
 * The cockpit for a reader who may not read every group. The figures still count every post,
 * but the to-do lists keep no trace of a post in a group the reader does not read: not which
 * post (its ids are null), not its group, not who answered it. The entry itself stays, so the
 * lists' lengths match the figures. `readable` null: the reader reads every group.
 */
export function withoutUnreadablePosts(
  c: CockpitView,
  readable: readonly number[] | null,
): CockpitView {
  if (readable === null) return c;
  const groups = new Set(readable);
  const hidden = (p: { groupId: number | null }) => p.groupId !== null && !groups.has(p.groupId);
  const anonymous = { topicId: null, replyId: null, groupId: null };
  return {
    ...c,
    responsiveness: {
      ...c.responsiveness,
      unanswered: c.responsiveness.unanswered.map((u) =>
        hidden(u) ? { ...u, topicId: null, groupId: null } : u,
      ),
    },
    newcomers: {
      ...c.newcomers,
      unanswered_48h: c.newcomers.unanswered_48h.map((n) =>
        hidden(n) ? { ...n, ...anonymous } : n,
      ),
      members: c.newcomers.members.map((n) =>
        hidden(n) ? { ...n, ...anonymous, answeredBy: null } : n,
      ),
    },
  };
}
