import type { Translate } from '../i18n/index.js';
import type { TrustView } from './service.js';

/** A trust level as the API sends it. */
export function presentTrust(v: TrustView, t: Translate) {
  return {
    userId: v.userId,
    level: v.level,
    name: t(`trust.level.${v.level}`),
    locked: v.locked,
    setBy: v.setBy ? { handle: v.setBy.handle } : null,
    updatedAt: v.updatedAt === null ? null : new Date(v.updatedAt).toISOString(),
    limits: v.limits,
    next: v.next && {
      level: v.next.level,
      name: t(`trust.level.${v.next.level}`),
      requirements: v.next.requirements.map((r) => ({
        rule: r.rule,
        windowed: r.windowed,
        have: r.have,
        need: r.need,
        met: r.have >= r.need,
        label: t(`trust.rule.${r.rule}`, { need: r.need }),
      })),
    },
  };
}
