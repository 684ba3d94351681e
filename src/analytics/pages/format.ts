import type { PageContext } from '../../http/index.js';
import { formatDecimal, formatNumber, formatPercent } from '../../i18n/index.js';

/** Display helpers: a withheld or empty figure shows as a dash (or "hidden" for sponsors). */
export function fmt(ctx: PageContext) {
  const none = ctx.t('analytics.none');
  return {
    count: (n: number | null) => (n === null ? none : formatNumber(ctx.locale, n)),
    share: (n: number | null) => (n === null ? none : formatPercent(ctx.locale, n)),
    decimal: (n: number | null) => (n === null ? none : formatDecimal(ctx.locale, n)),
  };
}
