import { render } from 'preact-render-to-string';
import { formatDate, type Locale, type Translate } from '../../i18n/index.js';
import type { OwnDataExport } from '../export.js';

// Self-contained: the file is read offline, long after the download, without Ruche's styles.
const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#1d1d24}
.text{white-space:pre-wrap;border-left:3px solid #d6d6dc;padding-left:.75rem}
.muted{color:#55555f}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #d6d6dc;padding:.25rem;text-align:left;vertical-align:top}`;

interface Props {
  data: OwnDataExport;
  t: Translate;
  locale: Locale;
}

const when = (locale: Locale, at: string | null) =>
  at === null ? '' : formatDate(locale, Date.parse(at));

function Revisions(
  props: Props & { revisions: { title?: string | null; body: string; replacedAt: string }[] },
) {
  const { t, locale } = props;
  if (props.revisions.length === 0) return null;
  return (
    <details>
      <summary>{t('ownData.export.revisions')}</summary>
      {props.revisions.map((r) => (
        <div key={r.replacedAt}>
          <p class="muted">
            {t('ownData.export.replacedAt', { date: when(locale, r.replacedAt) })}
          </p>
          {r.title && <p>{r.title}</p>}
          <div class="text">{r.body}</div>
        </div>
      ))}
    </details>
  );
}

function Posted(props: Props & { createdAt: string | null; deletedAt: string | null }) {
  const { t, locale } = props;
  return (
    <p class="muted">
      {t('ownData.export.postedAt', { date: when(locale, props.createdAt) })}
      {props.deletedAt &&
        ` · ${t('ownData.export.deletedAt', { date: when(locale, props.deletedAt) })}`}
    </p>
  );
}

function Memberships(props: Props) {
  const { data, t, locale } = props;
  return (
    <section>
      <h2>{t('ownData.export.memberships')}</h2>
      {data.memberships.length === 0 && <p>{t('ownData.export.none')}</p>}
      <ul>
        {data.memberships.map((m) => (
          <li key={m.community.id}>
            <strong>{m.community.name}</strong>{' '}
            {t('ownData.export.role', {
              role: m.role,
              status: m.status,
              date: when(locale, m.joinedAt),
            })}
            {m.charter && (
              <details>
                <summary>
                  {t('ownData.export.charter', {
                    version: m.charter.version,
                    published: when(locale, m.charter.publishedAt),
                    accepted: when(locale, m.charter.acceptedAt),
                  })}
                </summary>
                <div class="text">{m.charter.body}</div>
              </details>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('ownData.export.groupMemberships')}</h2>
      {data.groupMemberships.length === 0 && <p>{t('ownData.export.none')}</p>}
      <ul>
        {data.groupMemberships.map((g) => (
          <li key={g.group.id}>
            <strong>{g.group.name}</strong> ({g.community.slug}){' '}
            {t('ownData.export.role', {
              role: g.role,
              status: g.status,
              date: when(locale, g.joinedAt),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Posts(props: Props) {
  const { data, t } = props;
  return (
    <>
      <section>
        <h2>{t('ownData.export.topics')}</h2>
        {data.topics.length === 0 && <p>{t('ownData.export.none')}</p>}
        {data.topics.map((topic) => (
          <article key={topic.id}>
            <h3>{topic.title}</h3>
            <Posted {...props} createdAt={topic.createdAt} deletedAt={topic.deletedAt} />
            <div class="text">{topic.body}</div>
            <Revisions {...props} revisions={topic.revisions} />
          </article>
        ))}
      </section>
      <section>
        <h2>{t('ownData.export.replies')}</h2>
        {data.replies.length === 0 && <p>{t('ownData.export.none')}</p>}
        {data.replies.map((reply) => (
          <article key={reply.id}>
            <h3>{t('ownData.export.replyTo', { topic: reply.topicId })}</h3>
            <Posted {...props} createdAt={reply.createdAt} deletedAt={reply.deletedAt} />
            <div class="text">{reply.body}</div>
            <Revisions {...props} revisions={reply.revisions} />
          </article>
        ))}
      </section>
    </>
  );
}

function Log(props: Props) {
  const { data, t, locale } = props;
  return (
    <>
      <section>
        <h2>{t('ownData.export.reactions')}</h2>
        {data.reactions.length === 0 && <p>{t('ownData.export.none')}</p>}
        <ul>
          {data.reactions.map((r) => (
            <li key={`${r.targetKind}-${r.targetId}-${r.kind}`}>
              {when(locale, r.createdAt)} · {r.kind} · {r.targetKind} {r.targetId}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t('ownData.export.activity')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('ownData.export.col.date')}</th>
              <th scope="col">{t('ownData.export.col.kind')}</th>
              <th scope="col">{t('ownData.export.col.community')}</th>
              <th scope="col">{t('ownData.export.col.target')}</th>
              <th scope="col">{t('ownData.export.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {data.activity.map((a, i) => (
              <tr key={i}>
                <td>{when(locale, a.at)}</td>
                <td>{a.kind}</td>
                <td>{a.communityId ?? ''}</td>
                <td>{a.targetKind ? `${a.targetKind} ${a.targetId ?? ''}` : ''}</td>
                <td>{a.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function PrivateMessages(props: Props) {
  const { data, t, locale } = props;
  const name = (p: { displayName: string | null; isFormerMember: boolean }) =>
    p.isFormerMember ? t('accounts.formerMember') : (p.displayName ?? '');
  return (
    <section>
      <h2>{t('messages.export.title')}</h2>
      {data.privateMessages.length === 0 && <p>{t('ownData.export.none')}</p>}
      {data.privateMessages.map((c) => (
        <article key={c.id}>
          <h3>
            {t('messages.export.with', {
              id: c.id,
              name: c.participants
                .filter((p) => !p.isYou)
                .map(name)
                .join(', '),
            })}
          </h3>
          {c.leftAt && (
            <p class="muted">{t('messages.export.left', { date: when(locale, c.leftAt) })}</p>
          )}
          {c.messages.map((m) => (
            <div key={m.id}>
              <p class="muted">
                {t('messages.export.by', {
                  name: m.isYours ? t('messages.you') : name(m.author),
                  date: when(locale, m.createdAt),
                })}
              </p>
              <div class="text">{m.deletedAt ? t('messages.erased') : m.body}</div>
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}

/** The export as one readable, self-contained HTML document; Preact escapes every string. */
export function renderExportPage(data: OwnDataExport, t: Translate, locale: Locale): string {
  const props = { data, t, locale };
  const p = data.profile;
  const html = render(
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('ownData.export.title')} · ${p.displayName}`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <main>
          <h1>{t('ownData.export.title')}</h1>
          <p>{t('ownData.export.intro', { date: when(locale, data.exportedAt) })}</p>
          <section>
            <h2>{t('ownData.export.profile')}</h2>
            <dl>
              <dt>{t('ownData.export.displayName')}</dt>
              <dd>{p.displayName}</dd>
              <dt>{t('ownData.export.handle')}</dt>
              <dd>@{p.handle}</dd>
              <dt>{t('ownData.export.email')}</dt>
              <dd>{p.email}</dd>
              <dt>{t('ownData.export.bio')}</dt>
              <dd class="text">{p.bio}</dd>
              <dt>{t('ownData.export.locale')}</dt>
              <dd>{p.locale ?? ''}</dd>
              <dt>{t('ownData.export.createdAt')}</dt>
              <dd>{when(locale, p.createdAt)}</dd>
            </dl>
          </section>
          <Memberships {...props} />
          <Posts {...props} />
          <PrivateMessages {...props} />
          <Log {...props} />
        </main>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
