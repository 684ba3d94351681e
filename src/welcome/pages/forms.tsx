import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { BuddyChoice, type BuddyProposal } from '../../buddies/index.js';
import { formatDate, locales } from '../../i18n/index.js';
import { MAX_BODY } from '../../messages/index.js';
import { AsTeamField } from '../../teams/index.js';
import { welcomeNewcomerPath, welcomeQueuePath, welcomeTemplatesPath } from '../paths.js';
import type { QueueEntry } from '../service.js';
import { MAX_TEMPLATE } from '../templates.js';

/** One newcomer's welcome: the drafted message, editable, sent as a private message. */
export function WelcomeFormPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  newcomer: QueueEntry;
  body: string;
  teams: { id: number; name: string }[];
  buddyProposals: BuddyProposal[];
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, community, newcomer, failure } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  const name = newcomer.member.displayName;
  return (
    <section class="narrow" aria-labelledby="welcome-form-title">
      <h1 id="welcome-form-title">{t('welcome.form.title', { name })}</h1>
      <p>{t('welcome.form.intro', { name, language: newcomer.member.locale })}</p>
      {newcomer.welcome && (
        <p class="notice">
          {t('welcome.form.already', {
            name,
            by: newcomer.welcome.by.displayName,
            date: formatDate(ctx.locale, newcomer.welcome.at),
          })}
        </p>
      )}
      <FormError ctx={ctx} message={failure?.message} />
      <form
        method="post"
        action={welcomeNewcomerPath(community.slug, newcomer.member.id)}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <Field
          name="body"
          multiline
          rows={12}
          label={t('welcome.form.body')}
          value={v.body ?? props.body}
          required
          maxLength={MAX_BODY}
          error={err('body')}
        />
        <AsTeamField ctx={ctx} teams={props.teams} value={v.asTeam} error={err('asTeam')} />
        <BuddyChoice
          ctx={ctx}
          newcomerName={name}
          proposals={props.buddyProposals}
          current={newcomer.buddy}
          value={v.buddyId}
          error={err('buddyId')}
        />
        <button type="submit">{t('welcome.form.submit')}</button>
      </form>
      <p>
        <a href={welcomeQueuePath(community.slug)}>{t('welcome.form.back')}</a>
      </p>
    </section>
  );
}

/** The community's welcome templates, one form per language. */
export function WelcomeTemplatesPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  templates: Record<(typeof locales)[number], string>;
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, community, failure } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  return (
    <section class="narrow" aria-labelledby="welcome-templates-title">
      <h1 id="welcome-templates-title">
        {t('welcome.templates.title', { community: community.name })}
      </h1>
      <p>{t('welcome.templates.intro')}</p>
      <FormError ctx={ctx} message={failure?.message} />
      {locales.map((locale) => {
        const field = `template_${locale}`;
        const kept = v.locale === locale ? v[field] : undefined;
        return (
          <form key={locale} method="post" action={welcomeTemplatesPath(community.slug)} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="locale" value={locale} />
            <Field
              name={field}
              multiline
              rows={10}
              label={t(`welcome.templates.${locale}`)}
              value={kept ?? props.templates[locale]}
              required
              maxLength={MAX_TEMPLATE}
              error={failure?.field === field ? failure.message : undefined}
            />
            <button type="submit">{t('welcome.templates.submit')}</button>
          </form>
        );
      })}
      <p>
        <a href={welcomeQueuePath(community.slug)}>{t('welcome.form.back')}</a>
      </p>
    </section>
  );
}
