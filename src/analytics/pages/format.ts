import type { PageContext } from '../../http/index.js';
import { formatCalendar, formatDecimal, formatNumber, formatPercent } from '../../i18n/index.js';
import { DAY, isoWeekStart } from '../stats.js';

/** Display helpers: a withheld or empty figure shows as a dash (or "hidden" for sponsors). */
export function fmt(ctx: PageContext) {
  const none = ctx.t('analytics.none');
  return {
    count: (n: number | null) => (n === null ? none : formatNumber(ctx.locale, n)),
    share: (n: number | null) => (n === null ? none : formatPercent(ctx.locale, n)),
    decimal: (n: number | null) => (n === null ? none : formatDecimal(ctx.locale, n)),
    /** A day of the analytics (a time, or its ISO date "2026-09-06"): "6 septembre 2026". */
    day: (at: number | string) => formatCalendar(ctx.locale, toTime(at), 'day'),
    /** A month key ("2026-09"): "sept. 2026". */
    month: (key: string) => formatCalendar(ctx.locale, Date.parse(`${key}-01`), 'month'),
    /** An ISO week key ("2026-W36"): "semaine du 31 août 2026". */
    week: (key: string) =>
      ctx.t('analytics.activity.weekOf', {
        date: formatCalendar(ctx.locale, isoWeekStart(key), 'day'),
      }),
    /** The last day of a period given by its excluded end: "2026-12-05T00:00Z" → 4 December. */
    lastDay: (end: string) => formatCalendar(ctx.locale, Date.parse(end) - DAY, 'day'),
  };
}

const toTime = (at: number | string) => (typeof at === 'number' ? at : Date.parse(at));
