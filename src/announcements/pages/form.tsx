import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { AsTeamField } from '../../teams/index.js';
import { calendarPath } from '../paths.js';

/** The announcement's form: write, save as a draft or schedule; later edit or move it. */
export function AnnouncementForm(props: {
  ctx: PageContext;
  community: { slug: string; name: string; time_zone: string };
  action: string;
  heading: string;
  groups: { id: number; name: string }[];
  /** Whether it may go out to the whole community (its animators), or only in a group. */
  wholeCommunity: boolean;
  teams: { id: number; name: string }[];
  values: FormBody;
  failure?: FormFailure | undefined;
  /** Where the delete form posts, for an existing announcement. */
  deleteAction?: string | undefined;
}) {
  const { ctx, community, failure, values: v } = props;
  const { t } = ctx;
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  const scheduleError = err('scheduleAt');
  const pinError = err('pinDays');
  return (
    <section class="narrow" aria-labelledby="announcement-title">
      <h1 id="announcement-title">{props.heading}</h1>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="title"
          label={t('announcements.form.title')}
          value={v.title}
          required
          maxLength={200}
          error={err('title')}
        />
        <Field
          name="body"
          multiline
          rows={10}
          label={t('announcements.form.body')}
          hint={t('announcements.form.bodyHint')}
          value={v.body}
          required
          error={err('body')}
        />
        <div class={err('groupId') ? 'field has-error' : 'field'}>
          <label for="field-groupId">{t('announcements.form.group')}</label>
          {err('groupId') && (
            <p class="error" id="field-groupId-error">
              {err('groupId')}
            </p>
          )}
          <select
            id="field-groupId"
            name="groupId"
            aria-describedby={err('groupId') ? 'field-groupId-error' : undefined}
          >
            {props.wholeCommunity && (
              <option value="" selected={!v.groupId}>
                {t('announcements.form.wholeCommunity')}
              </option>
            )}
            {props.groups.map((g) => (
              <option key={g.id} value={String(g.id)} selected={v.groupId === String(g.id)}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <AsTeamField ctx={ctx} teams={props.teams} value={v.asTeam} error={err('asTeam')} />
        <div class={scheduleError ? 'field has-error' : 'field'}>
          <label for="field-scheduleAt">{t('announcements.form.scheduleAt')}</label>
          <p class="hint" id="field-scheduleAt-hint">
            {t('announcements.form.scheduleHint', { zone: community.time_zone })}
          </p>
          {scheduleError && (
            <p class="error" id="field-scheduleAt-error">
              {scheduleError}
            </p>
          )}
          <input
            id="field-scheduleAt"
            name="scheduleAt"
            type="datetime-local"
            value={v.scheduleAt}
            aria-describedby={
              scheduleError
                ? 'field-scheduleAt-hint field-scheduleAt-error'
                : 'field-scheduleAt-hint'
            }
            aria-invalid={scheduleError ? true : undefined}
          />
        </div>
        <div class={pinError ? 'field has-error' : 'field'}>
          <label for="field-pinDays">{t('announcements.form.pinDays')}</label>
          <p class="hint" id="field-pinDays-hint">
            {t('announcements.form.pinHint')}
          </p>
          {pinError && (
            <p class="error" id="field-pinDays-error">
              {pinError}
            </p>
          )}
          <input
            id="field-pinDays"
            name="pinDays"
            type="number"
            min={0}
            max={90}
            value={v.pinDays ?? '0'}
            aria-describedby={
              pinError ? 'field-pinDays-hint field-pinDays-error' : 'field-pinDays-hint'
            }
            aria-invalid={pinError ? true : undefined}
          />
        </div>
        <p>
          <button type="submit" name="action" value="schedule">
            {t('announcements.form.schedule')}
          </button>{' '}
          <button type="submit" name="action" value="draft" class="secondary">
            {t('announcements.form.saveDraft')}
          </button>
        </p>
      </form>
      {props.deleteAction && (
        <form method="post" action={props.deleteAction}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {t('announcements.form.delete')}
          </button>
        </form>
      )}
      <p>
        <a href={calendarPath(community.slug)}>{t('announcements.form.back')}</a>
      </p>
    </section>
  );
}

/** A published announcement's page in the calendar: it is a topic now. */
export function PublishedAnnouncement(props: {
  ctx: PageContext;
  community: { slug: string };
  title: string;
  topic: { href: string } | undefined;
}) {
  const { t } = props.ctx;
  return (
    <section class="narrow" aria-labelledby="announcement-title">
      <h1 id="announcement-title">{t('announcements.form.editTitle', { title: props.title })}</h1>
      <p>{t('announcements.form.published')}</p>
      {props.topic && (
        <p>
          <a href={props.topic.href}>{t('announcements.form.readTopic', { title: props.title })}</a>
        </p>
      )}
      <p>
        <a href={calendarPath(props.community.slug)}>{t('announcements.form.back')}</a>
      </p>
    </section>
  );
}
