import { userPath } from '../../accounts/index.js';
import { CsrfField, type PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { communityAuditPath, moderationQueuePath } from '../paths.js';
import type { QueueItem } from '../service.js';

/**
 * The review queue: each item in context with its score term by term, checkboxes and one
 * decision for all of them. public/moderation-queue.js adds keyboard shortcuts; the page works
 * without it.
 */
export function QueuePage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  threshold: number;
  items: QueueItem[];
  canEditSettings: boolean;
}) {
  const { ctx, community } = props;
  const { t } = ctx;
  const action = `${moderationQueuePath(community.slug)}/decisions`;
  return (
    <section aria-labelledby="moderation-title">
      <h1 id="moderation-title">{t('moderation.queue.title', { community: community.name })}</h1>
      <p>{t('moderation.queue.intro', { threshold: props.threshold })}</p>
      <ul class="actions">
        <li>
          <a href={communityAuditPath(community.slug)}>{t('moderation.queue.audit')}</a>
        </li>
      </ul>
      {props.canEditSettings && (
        <form
          method="post"
          action={`${moderationQueuePath(community.slug)}/settings`}
          class="inline"
        >
          <CsrfField ctx={ctx} />
          <label for="field-hideThreshold">{t('moderation.settings.threshold')}</label>{' '}
          <input
            id="field-hideThreshold"
            name="hideThreshold"
            type="number"
            min="1"
            max="1000"
            step="0.5"
            value={String(props.threshold)}
          />{' '}
          <button type="submit">{t('moderation.settings.submit')}</button>
        </form>
      )}
      {props.items.length === 0 ? (
        <p>{t('moderation.queue.empty')}</p>
      ) : (
        <form method="post" action={action} id="moderation-queue">
          <CsrfField ctx={ctx} />
          <p class="hint">{t('moderation.queue.keys')}</p>
          <ol class="moderation-queue">
            {props.items.map((i) => {
              const value = `${i.target.kind}:${i.target.id}`;
              const id = `item-${i.target.kind}-${i.target.id}`;
              return (
                <li class="moderation-item" data-item={value} id={id}>
                  <h2>
                    <input type="checkbox" name="items" value={value} id={`${id}-check`} />{' '}
                    <label for={`${id}-check`}>
                      {t('moderation.queue.item', { kind: i.target.kind, id: i.target.id })}
                    </label>{' '}
                    — <span class="score">{t('moderation.queue.score', { score: i.score })}</span>
                    {i.isHidden && <strong> · {t('moderation.queue.hidden')}</strong>}
                  </h2>
                  {i.post && (
                    <blockquote>
                      <p>
                        <strong>{i.post.title}</strong>
                      </p>
                      <p>{i.post.excerpt}</p>
                      <p>
                        <a href={i.post.href}>{t('moderation.queue.open')}</a>
                      </p>
                    </blockquote>
                  )}
                  {i.message && (
                    <blockquote
                      class="reported-message"
                      // Sanitised when the message was written (src/messages).
                      dangerouslySetInnerHTML={{ __html: i.message.bodyHtml }}
                    />
                  )}
                  {i.author && (
                    <p>
                      {t('moderation.queue.author')}{' '}
                      <a href={userPath(i.author.handle)}>{i.author.displayName}</a>
                      {' — '}
                      {t('moderation.queue.history', i.history)}
                    </p>
                  )}
                  <ul>
                    {i.flags.map((f) => (
                      <li>
                        {t('moderation.queue.flag', {
                          reason: t(`moderation.reason.${f.reason}`),
                          name: f.flagger?.displayName ?? '—',
                          date: formatDate(ctx.locale, f.createdAt),
                        })}
                        {f.text !== '' && <q>{f.text}</q>}{' '}
                        <small>{t('moderation.queue.terms', { ...f.weight })}</small>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
          <fieldset>
            <legend>{t('moderation.queue.decision')}</legend>
            {(['agree', 'disagree', 'ignore'] as const).map((d) => (
              <label class="choice">
                <input type="radio" name="decision" value={d} required checked={d === 'agree'} />{' '}
                {t(`moderation.queue.${d}`)}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="field-reason">{t('moderation.queue.reason')}</label>
            <input id="field-reason" name="reason" type="text" maxLength={1000} />
          </div>
          <button type="submit">{t('moderation.queue.submit')}</button>
        </form>
      )}
      <script src="/assets/moderation-queue.js" defer />
    </section>
  );
}
