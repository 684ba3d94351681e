import { CsrfField, type PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { notificationsPath, preferencesPath } from '../paths.js';
import type { PresentedNotification } from '../present.js';

/** The member's notifications, newest first, each marked read by a small form (no JavaScript). */
export function NotificationsPage(props: {
  ctx: PageContext;
  items: PresentedNotification[];
  unread: number;
  page: number;
  hasMore: boolean;
}) {
  const { ctx, page } = props;
  const { t } = ctx;
  const here = page > 1 ? `${notificationsPath}?page=${page}` : notificationsPath;
  return (
    <section class="notifications" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('notifications.title')}</h1>
      <p class="muted">{t('notifications.unread', { count: props.unread })}</p>
      <ul class="actions">
        {props.unread > 0 && (
          <li>
            <form method="post" action={`${notificationsPath}/read`} class="inline">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="next" value={here} />
              <button type="submit">{t('notifications.markAllRead')}</button>
            </form>
          </li>
        )}
        <li>
          <a href={preferencesPath}>{t('notifications.preferencesLink')}</a>
        </li>
      </ul>
      {props.items.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ol class="notification-list">
          {props.items.map((n) => (
            <li key={n.id} class={n.read ? 'notification' : 'notification unread'}>
              <p>
                {!n.read && (
                  <>
                    <span class="badge">{t('notifications.isUnread')}</span>{' '}
                  </>
                )}
                <a href={n.href}>{n.text}</a>
              </p>
              <p class="muted">
                <time dateTime={n.at}>{formatDate(ctx.locale, Date.parse(n.at))}</time>
              </p>
              {!n.read && (
                <form method="post" action={`${notificationsPath}/${n.id}/read`} class="inline">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="next" value={here} />
                  <button type="submit" class="link">
                    {t('notifications.markRead')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      {(page > 1 || props.hasMore) && (
        <nav class="pager" aria-label={t('notifications.pages')}>
          {page > 1 && (
            <a href={`${notificationsPath}?page=${page - 1}`} rel="prev">
              {t('notifications.newer')}
            </a>
          )}{' '}
          {props.hasMore && (
            <a href={`${notificationsPath}?page=${page + 1}`} rel="next">
              {t('notifications.older')}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}
