import type { PageContext } from '../../http/index.js';
import { dayKey } from '../stats.js';
import { fmt } from './format.js';

/** Plain GET forms: they work without JavaScript and give a shareable address. */
export function PeriodForm(props: {
  ctx: PageContext;
  action: string;
  days: number | undefined;
  period: { from: string; to: string };
  since?: number | undefined;
}) {
  const { t } = props.ctx;
  const { action } = props;
  const f = fmt(props.ctx);
  return (
    <div class="period-forms">
      <form method="get" action={action} class="inline-form">
        <div class="field">
          <label for="period-days">{t('analytics.period')}</label>
          <select id="period-days" name="days">
            {[30, 90, 365].map((d) => (
              <option key={d} value={String(d)} selected={(props.days ?? 90) === d}>
                {t(`analytics.period.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('analytics.period.show')}</button>
      </form>
      <form method="get" action={action} class="inline-form">
        <div class="field">
          <label for="period-from">{t('analytics.period.from')}</label>
          <input
            type="date"
            id="period-from"
            name="from"
            value={props.period.from.slice(0, 10)}
            required
          />
        </div>
        <div class="field">
          <label for="period-to">{t('analytics.period.to')}</label>
          <input
            type="date"
            id="period-to"
            name="to"
            value={props.period.to.slice(0, 10)}
            required
          />
        </div>
        <button type="submit">{t('analytics.period.show')}</button>
      </form>
      <p class="muted">
        {t('analytics.period.range', {
          from: f.day(props.period.from),
          to: f.lastDay(props.period.to),
        })}
      </p>
      {props.since !== undefined && (
        <p>
          <a href={`${action}?from=${dayKey(props.since)}`}>
            {t('analytics.period.since', { date: f.day(props.since) })}
          </a>
        </p>
      )}
    </div>
  );
}
