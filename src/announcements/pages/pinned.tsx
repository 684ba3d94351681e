import type { PageContext } from '../../http/index.js';
import { formatIn } from './when.js';

/** The announcements pinned at the top of a community's home or a group's page. */
export function PinnedAnnouncements(props: {
  ctx: PageContext;
  zone: string;
  pinned: { title: string; href: string; until: number }[];
}) {
  const { t, locale } = props.ctx;
  if (props.pinned.length === 0) return null;
  return (
    <section class="pinned notice" aria-labelledby="pinned-title">
      <h2 id="pinned-title">{t('announcements.pinned.title')}</h2>
      <ul>
        {props.pinned.map((p) => (
          <li key={p.href}>
            <a href={p.href}>{p.title}</a>{' '}
            <span class="hint">
              {t('announcements.pinned.until', {
                date: formatIn(locale, p.until, props.zone, 'moment'),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
