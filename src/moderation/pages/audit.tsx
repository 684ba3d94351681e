import type { PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { auditActions } from '../audit.js';
import type { AuditListRow } from '../store.js';

/** The audit log, filtered: the instance's (admins) or one community's (its staff). */
export function AuditPage(props: {
  ctx: PageContext;
  title: string;
  action: string;
  csv: string | undefined;
  filter: Record<string, string | undefined>;
  communities: { id: number; name: string }[] | undefined;
  rows: AuditListRow[];
}) {
  const { ctx, filter } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{props.title}</h1>
      <p>{t('moderation.audit.intro')}</p>
      <form method="get" action={props.action} class="filters">
        {props.communities && (
          <div class="field">
            <label for="field-communityId">{t('moderation.audit.community')}</label>
            <select id="field-communityId" name="communityId">
              <option value="">{t('moderation.audit.any')}</option>
              {props.communities.map((c) => (
                <option value={String(c.id)} selected={filter.communityId === String(c.id)}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="field-action">{t('moderation.audit.action')}</label>
          <select id="field-action" name="action">
            <option value="">{t('moderation.audit.any')}</option>
            {auditActions.map((a) => (
              <option value={a} selected={filter.action === a}>
                {t(`moderation.action.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-actor">{t('moderation.audit.actor')}</label>
          <p class="hint" id="field-actor-hint">
            {t('moderation.audit.actorHint')}
          </p>
          <input
            id="field-actor"
            name="actor"
            type="text"
            value={filter.actor ?? ''}
            aria-describedby="field-actor-hint"
          />
        </div>
        <div class="field">
          <label for="field-from">{t('moderation.audit.from')}</label>
          <input id="field-from" name="from" type="date" value={filter.from ?? ''} />
        </div>
        <div class="field">
          <label for="field-to">{t('moderation.audit.to')}</label>
          <input id="field-to" name="to" type="date" value={filter.to ?? ''} />
        </div>
        <button type="submit">{t('moderation.audit.filter')}</button>
      </form>
      {props.csv && (
        <p>
          <a href={props.csv}>{t('moderation.audit.csv')}</a>
        </p>
      )}
      {props.rows.length === 0 ? (
        <p>{t('moderation.audit.empty')}</p>
      ) : (
        <table class="audit-log">
          <thead>
            <tr>
              <th scope="col">{t('moderation.audit.at')}</th>
              {props.communities && <th scope="col">{t('moderation.audit.community')}</th>}
              <th scope="col">{t('moderation.audit.actor')}</th>
              <th scope="col">{t('moderation.audit.action')}</th>
              <th scope="col">{t('moderation.audit.target')}</th>
              <th scope="col">{t('moderation.audit.reason')}</th>
              <th scope="col">{t('moderation.audit.reverses')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr id={`audit-${r.id}`} data-audit={String(r.id)}>
                <td>{formatDate(ctx.locale, Number(r.created_at))}</td>
                {props.communities && <td>{r.community_slug ?? ''}</td>}
                <td>
                  {r.actor_id === null
                    ? t('moderation.audit.automatic', { rule: r.rule ?? '' })
                    : (r.actor_name ?? '')}
                </td>
                <td>
                  {(auditActions as readonly string[]).includes(r.action)
                    ? t(`moderation.action.${r.action}`)
                    : r.action}
                </td>
                <td>
                  {t('moderation.queue.item', { kind: r.target_kind, id: Number(r.target_id) })}
                </td>
                <td>{r.reason}</td>
                <td>{r.reverses_id === null ? '' : `#${Number(r.reverses_id)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
