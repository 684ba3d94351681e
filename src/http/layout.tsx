import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context.js';

/** The frame of every page: skip link, landmarks, language switch, sign-in state. */
export function Layout(props: {
  ctx: PageContext;
  title: string;
  description?: string | undefined;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const { t, viewer } = ctx;
  const otherLocale = ctx.locale === 'fr' ? 'en' : 'fr';
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('app.name')}`}</title>
        <meta name="description" content={props.description || t('footer.text')} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        {/* Live updates (src/live/): only a signed-in member has a stream. */}
        {viewer && <script src="/assets/live.js" defer />}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('app.name')}
          </a>
          <nav aria-label={t('nav.main')}>
            <ul>
              <li>
                <a href="/">{t('nav.home')}</a>
              </li>
              <li>
                <a href="/search">{t('nav.search')}</a>
              </li>
              {viewer ? (
                <>
                  {viewer.isAdmin && (
                    <li>
                      <a href="/cockpit">{t('nav.cockpit')}</a>
                    </li>
                  )}
                  {viewer.isAdmin && (
                    <li>
                      <a href="/admin/jobs">{t('jobs.nav')}</a>
                    </li>
                  )}
                  <li>
                    <a href="/notifications">
                      {t('nav.notifications')}{' '}
                      {/* public/live.js rewrites both spans when a notification arrives. */}
                      <span class="badge" data-unread="" hidden={!ctx.unreadNotifications}>
                        {ctx.unreadNotifications || ''}
                      </span>
                      <span
                        class="visually-hidden"
                        data-unread-label=""
                        data-one={` ${t('nav.unread', { count: 1 })}`}
                        data-other={` ${t('nav.unread', { count: 2 })}`}
                        hidden={!ctx.unreadNotifications}
                      >
                        {ctx.unreadNotifications
                          ? ` ${t('nav.unread', { count: ctx.unreadNotifications })}`
                          : ''}
                      </span>
                    </a>
                  </li>
                  <li>
                    <a href="/messages">
                      {t('nav.messages')}
                      {(ctx.unreadMessages ?? 0) > 0 && (
                        <>
                          {' '}
                          <span class="badge unread" aria-hidden="true">
                            {ctx.unreadMessages}
                          </span>
                          <span class="visually-hidden">
                            {`(${t('nav.messagesUnread', { count: ctx.unreadMessages ?? 0 })})`}
                          </span>
                        </>
                      )}
                    </a>
                  </li>
                  <li>
                    <a href="/profile">{t('nav.profile')}</a>
                  </li>
                  <li>
                    <form method="post" action="/signout" class="inline">
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <button type="submit" class="link">
                        {t('nav.signout')}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href={`/signin?next=${encodeURIComponent(ctx.path)}`}>{t('nav.signin')}</a>
                  </li>
                  <li>
                    <a href="/signup">{t('nav.signup')}</a>
                  </li>
                </>
              )}
              <li>
                <a
                  href={`/lang/${otherLocale}?next=${encodeURIComponent(ctx.path)}`}
                  hreflang={otherLocale}
                  lang={otherLocale}
                >
                  {otherLocale === 'fr' ? 'Français' : 'English'}
                </a>
              </li>
            </ul>
          </nav>
          {/* What public/live.js says aloud when notifications arrive: "1 nouvelle notification".
              data-other holds {n} where the number goes. */}
          {viewer && (
            <div
              class="visually-hidden"
              aria-live="polite"
              data-live-announce=""
              data-one={t('nav.newNotifications', { count: 1 })}
              data-other={t('nav.newNotifications', { count: '{n}' })}
            />
          )}
        </header>
        <main id="main" tabIndex={-1}>
          {ctx.flash && (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('footer.text')}</p>
        </footer>
      </body>
    </html>
  );
}

/** An error summary at the top of a form, announced to screen readers. */
export function FormError(props: { ctx: PageContext; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <div class="form-error" role="alert" id="form-error">
      <p>
        <strong>{props.ctx.t('form.errorSummary')}</strong> {props.message}
      </p>
    </div>
  );
}

export function CsrfField(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrf} />;
}
