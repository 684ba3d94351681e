import { communityPath } from '../../communities/index.js';
import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { teamsPath } from '../paths.js';
import type { TeamView } from '../service.js';
import { signatureStyles } from '../signature.js';
import { TeamAuthor } from './voice.js';

/** The community's team voices, for its animators: create one, add animators, signatures. */
export function TeamsPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  teams: TeamView[];
  values?: FormBody;
  failure?: (FormFailure & { form: string }) | undefined;
}) {
  const { ctx, community, failure } = props;
  const { t } = ctx;
  const base = teamsPath(community.slug);
  const errorOf = (form: string, field: string) =>
    failure?.form === form && failure.field === field ? failure.message : undefined;
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={communityPath(community.slug)}>{community.name}</a>
      </p>
      <h1>{t('teams.title')}</h1>
      <p>{t('teams.intro')}</p>
      {props.teams.length === 0 && <p class="muted">{t('teams.none')}</p>}
      {props.teams.map((team) => (
        <section key={team.id} aria-labelledby={`team-${team.id}`} class="team">
          <h2 id={`team-${team.id}`}>
            <TeamAuthor handle={team.account_handle} name={team.name} initials={team.initials} />
          </h2>
          {team.members.length === 0 ? (
            <p class="muted">{t('teams.noMembers')}</p>
          ) : (
            <ul class="member-list">
              {team.members.map((m) => (
                <li key={m.user_id}>
                  {m.display_name} — {t('teams.signature', { signature: m.signature })}{' '}
                  <form
                    method="post"
                    action={`${base}/${team.id}/members/${m.user_id}/remove`}
                    class="inline"
                  >
                    <CsrfField ctx={ctx} />
                    <button type="submit">{t('teams.removeName', { name: m.display_name })}</button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <FormError
            ctx={ctx}
            message={failure?.form === `team-${team.id}` ? failure.message : undefined}
          />
          <form method="post" action={`${base}/${team.id}/members`} novalidate>
            <CsrfField ctx={ctx} />
            <Field
              name="handle"
              label={t('teams.field.handle')}
              hint={t('teams.field.handleHint')}
              value={failure?.form === `team-${team.id}` ? props.values?.handle : undefined}
              required
              error={errorOf(`team-${team.id}`, 'handle')}
            />
            <fieldset>
              <legend>{t('teams.field.signatureStyle')}</legend>
              {signatureStyles.map((style) => (
                <div class="radio" key={style}>
                  <input
                    type="radio"
                    id={`style-${team.id}-${style}`}
                    name="signatureStyle"
                    value={style}
                    checked={style === 'first_name'}
                  />
                  <label for={`style-${team.id}-${style}`}>{t(`teams.style.${style}`)}</label>
                </div>
              ))}
            </fieldset>
            <button type="submit">{t('teams.addMember')}</button>
          </form>
        </section>
      ))}
      <section aria-labelledby="new-team">
        <h2 id="new-team">{t('teams.new')}</h2>
        <FormError ctx={ctx} message={failure?.form === 'new' ? failure.message : undefined} />
        <form method="post" action={base} novalidate>
          <CsrfField ctx={ctx} />
          <Field
            name="name"
            label={t('teams.field.name')}
            hint={t('teams.field.nameHint')}
            value={failure?.form === 'new' ? props.values?.name : undefined}
            required
            maxLength={80}
            error={errorOf('new', 'name')}
          />
          <button type="submit">{t('teams.create')}</button>
        </form>
      </section>
    </section>
  );
}
