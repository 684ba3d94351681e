import { CsrfField, type PageContext } from '../../http/index.js';
import { announcementPath, calendarPath, newAnnouncementPath } from '../paths.js';
import type { AnnouncementRow } from '../store.js';
import { formatDay, formatIn } from './when.js';

export interface CalendarDay {
  day: string;
  items: AnnouncementRow[];
}

export interface CalendarView {
  view: 'week' | 'month';
  date: string;
  /** The period's heading's day: the Monday, or the month's first day. */
  first: string;
  previous: string;
  next: string;
  days: CalendarDay[];
}

function Item(props: {
  ctx: PageContext;
  item: AnnouncementRow;
  slug: string;
  zone: string;
  topics: Map<number, { href: string }>;
}) {
  const { ctx, item, slug, zone } = props;
  const { t, locale } = ctx;
  const at = Number(item.published_at ?? item.scheduled_at ?? 0);
  const time = formatIn(locale, at, zone, 'moment');
  const topic = item.topic_id === null ? undefined : props.topics.get(Number(item.topic_id));
  return (
    <li>
      {item.state === 'published' ? (
        <>
          {topic ? <a href={topic.href}>{item.title}</a> : item.title}{' '}
          <span class="badge">{t('announcements.item.published', { time })}</span>
        </>
      ) : (
        <>
          <a href={announcementPath(slug, Number(item.id))}>{item.title}</a>{' '}
          <span class="badge">{t('announcements.item.scheduled', { time })}</span>
        </>
      )}
      {item.pin_days > 0 && (
        <> · {t('announcements.item.pinned', { days: Number(item.pin_days) })}</>
      )}
    </li>
  );
}

/** The editorial calendar: a week or a month, each day a heading with its list, then drafts. */
export function CalendarPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string; time_zone: string };
  calendar: CalendarView;
  drafts: AnnouncementRow[];
  topics: Map<number, { href: string }>;
  /** The time zone's form, for the community's own animators. */
  zone?: { value: string; error?: string | undefined } | undefined;
}) {
  const { ctx, community, calendar, drafts, zone: zoneForm } = props;
  const { t, locale } = ctx;
  const zone = community.time_zone;
  const isMonth = calendar.view === 'month';
  const heading = isMonth
    ? formatDay(locale, calendar.first, 'month')
    : t('announcements.calendar.weekOf', { date: formatDay(locale, calendar.first, 'date') });
  const shown = isMonth ? calendar.days.filter((d) => d.items.length > 0) : calendar.days;
  const link = (view: 'week' | 'month', date: string) =>
    calendarPath(community.slug, { view, date });
  return (
    <section aria-labelledby="calendar-title">
      <h1 id="calendar-title">
        {t('announcements.calendar.title', { community: community.name })}
      </h1>
      <p>{t('announcements.calendar.intro', { zone })}</p>
      <p>
        <a class="button" href={newAnnouncementPath(community.slug)}>
          {t('announcements.calendar.new')}
        </a>
      </p>
      <nav class="pager" aria-label={t('announcements.calendar.views')}>
        <a href={link('month', calendar.date)} aria-current={isMonth ? 'page' : undefined}>
          {t('announcements.calendar.month')}
        </a>{' '}
        <a href={link('week', calendar.date)} aria-current={isMonth ? undefined : 'page'}>
          {t('announcements.calendar.week')}
        </a>
      </nav>
      <h2>{heading}</h2>
      <nav class="pager" aria-label={t('announcements.calendar.periods')}>
        <a rel="prev" href={link(calendar.view, calendar.previous)}>
          {t(
            isMonth
              ? 'announcements.calendar.previousMonth'
              : 'announcements.calendar.previousWeek',
          )}
        </a>{' '}
        <a rel="next" href={link(calendar.view, calendar.next)}>
          {t(isMonth ? 'announcements.calendar.nextMonth' : 'announcements.calendar.nextWeek')}
        </a>
      </nav>
      {shown.length === 0 && <p>{t('announcements.calendar.empty')}</p>}
      {shown.map((d) => (
        <section key={d.day} aria-labelledby={`day-${d.day}`}>
          <h3 id={`day-${d.day}`}>
            <time dateTime={d.day}>{formatDay(locale, d.day, 'day')}</time>
          </h3>
          {d.items.length === 0 ? (
            <p>{t('announcements.calendar.nothing')}</p>
          ) : (
            <ul>
              {d.items.map((item) => (
                <Item
                  key={item.id}
                  ctx={ctx}
                  item={item}
                  slug={community.slug}
                  zone={zone}
                  topics={props.topics}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      <h2>{t('announcements.calendar.drafts')}</h2>
      {drafts.length === 0 ? (
        <p>{t('announcements.calendar.noDrafts')}</p>
      ) : (
        <ul>
          {drafts.map((d) => (
            <li key={d.id}>
              <a href={announcementPath(community.slug, Number(d.id))}>
                {t('announcements.item.editDraft', { title: d.title })}
              </a>{' '}
              <span class="hint">
                {t('announcements.item.draft', {
                  date: formatIn(locale, Number(d.updated_at), zone, 'date'),
                })}
              </span>
              {d.failure !== null && <p class="error">{t('announcements.item.failed')}</p>}
            </li>
          ))}
        </ul>
      )}
      {zoneForm && (
        <>
          <h2>{t('announcements.zone.title')}</h2>
          <form method="post" action={`${calendarPath(community.slug)}/time-zone`} novalidate>
            <CsrfField ctx={ctx} />
            <div class={zoneForm.error ? 'field has-error' : 'field'}>
              <label for="field-timeZone">{t('announcements.zone.label')}</label>
              <p class="hint" id="field-timeZone-hint">
                {t('announcements.zone.hint')}
              </p>
              {zoneForm.error && (
                <p class="error" id="field-timeZone-error">
                  {zoneForm.error}
                </p>
              )}
              <input
                id="field-timeZone"
                name="timeZone"
                type="text"
                required
                maxLength={100}
                value={zoneForm.value}
                aria-describedby={
                  zoneForm.error
                    ? 'field-timeZone-hint field-timeZone-error'
                    : 'field-timeZone-hint'
                }
                aria-invalid={zoneForm.error ? true : undefined}
              />
            </div>
            <button type="submit">{t('announcements.zone.submit')}</button>
          </form>
        </>
      )}
    </section>
  );
}
