import type { PageContext } from '../../http/index.js';
import {
  formatCalendar,
  formatCoefficient,
  formatDecimal,
  formatNumber,
  formatPercent,
} from '../../i18n/index.js';
import { DAY, HOUR, isoWeekStart } from '../stats.js';

const MINUTE = 60_000;

/**
 * Display helpers: a withheld or empty figure shows as a dash (or "hidden" for sponsors). Given
 * the period, a week or month that it cuts is named as incomplete: its figure counts only the
 * days inside, and must not read as a fall.
 */
export function fmt(ctx: PageContext, period?: { from: string; to: string }) {
  const none = ctx.t('analytics.none');
  const from = period ? Date.parse(period.from) : -Infinity;
  const to = period ? Date.parse(period.to) : Infinity;
  const cut = (start: number, end: number) => start < from || end > to;
  return {
    count: (n: number | null) => (n === null ? none : formatNumber(ctx.locale, n)),
    /** A count for a message's plural: the number itself (the message writes it), or the dash. */
    plural: (n: number | null) => n ?? none,
    share: (n: number | null) => (n === null ? none : formatPercent(ctx.locale, n)),
    decimal: (n: number | null) => (n === null ? none : formatDecimal(ctx.locale, n)),
    /** Gini, the welcome gap: two decimals, "0,54", where one would round 0.54 and 0.46 alike. */
    coefficient: (n: number | null) => (n === null ? none : formatCoefficient(ctx.locale, n)),
    /** A day of the analytics (a time, or its ISO date "2026-09-06"): "6 septembre 2026". */
    day: (at: number | string) => formatCalendar(ctx.locale, toTime(at), 'day'),
    /**
     * A month key ("2026-09"): "sept. 2026", or "sept. 2026 (mois incomplet)". The ladder's flows
     * compare whole months, a month the period starts inside of too: only `to` cuts them.
     */
    month: (key: string, o: { flows?: boolean } = {}) => {
      const start = Date.parse(`${key}-01`);
      const next = new Date(start);
      next.setUTCMonth(next.getUTCMonth() + 1);
      const label = formatCalendar(ctx.locale, start, 'month');
      const isCut = o.flows ? next.getTime() > to : cut(start, next.getTime());
      return isCut ? ctx.t('analytics.partialMonth', { label }) : label;
    },
    /** An ISO week key ("2026-W36"): "Semaine du 31 août 2026", maybe "(semaine incomplète)". */
    week: (key: string) => {
      const start = isoWeekStart(key);
      const label = ctx.t('analytics.activity.weekOf', {
        date: formatCalendar(ctx.locale, start, 'day'),
      });
      return cut(start, start + 7 * DAY) ? ctx.t('analytics.partialWeek', { label }) : label;
    },
    /** A delay: whole minutes under an hour, whole hours under a day, whole days from there. */
    delay: (ms: number) => {
      const [unit, size] =
        ms < HOUR ? ['minutes', MINUTE] : ms < DAY ? ['hours', HOUR] : ['days', DAY];
      const n = formatNumber(ctx.locale, Math.max(0, Math.floor(ms / size)));
      return ctx.t(`analytics.delay.${unit}`, { n });
    },
    /** The last day of a period given by its excluded end: "2026-12-05T00:00Z" → 4 December. */
    lastDay: (end: string) => formatCalendar(ctx.locale, Date.parse(end) - DAY, 'day'),
  };
}

const toTime = (at: number | string) => (typeof at === 'number' ? at : Date.parse(at));
