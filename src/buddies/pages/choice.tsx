import { userPath } from '../../accounts/index.js';
import { CsrfField, FormError, type FormFailure, type PageContext } from '../../http/index.js';
import { assignBuddyPath, buddiesPath } from '../paths.js';
import type { Person, Proposal } from '../service.js';

/**
 * The buddy choice of the welcome form (and of the form that only gives a buddy): the proposed
 * volunteers with how many newcomers each already has, and "no buddy". Without a buddy yet, the
 * first proposal is chosen, so that welcoming with a buddy is a single submit.
 */
export function BuddyChoice(props: {
  ctx: PageContext;
  newcomerName: string;
  proposals: Proposal[];
  current: Person | undefined;
  value?: string | undefined;
  error?: string | undefined;
}) {
  const { ctx, proposals, current } = props;
  const { t } = ctx;
  const proposed = proposals.filter((p) => p.member.id !== current?.id);
  const chosen =
    props.value ?? (current || proposed.length === 0 ? '' : String(proposed[0]?.member.id));
  const hintId = 'field-buddyId-hint';
  const errorId = 'field-buddyId-error';
  return (
    <fieldset
      class={props.error ? 'buddy-choice has-error' : 'buddy-choice'}
      aria-describedby={props.error ? `${hintId} ${errorId}` : hintId}
    >
      <legend>{t('buddies.choice.legend')}</legend>
      <p class="hint" id={hintId}>
        {current && <>{t('buddies.choice.current', { name: current.displayName })} </>}
        {proposed.length === 0
          ? t('buddies.choice.noVolunteers')
          : t('buddies.choice.hint', { name: props.newcomerName })}
      </p>
      {props.error && (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      )}
      {proposed.map((p) => {
        const id = `buddy-${p.member.id}`;
        return (
          <div class="radio" key={p.member.id}>
            <input
              type="radio"
              id={id}
              name="buddyId"
              value={String(p.member.id)}
              checked={chosen === String(p.member.id)}
            />
            <label for={id}>
              {t('buddies.choice.already', { name: p.member.displayName, count: p.newcomers })}
              {p.sharedInterests.length > 0 && (
                <> — {t('buddies.choice.interests', { words: p.sharedInterests.join(', ') })}</>
              )}
              {p.sharedGroups > 0 && (
                <> — {t('buddies.choice.groups', { count: p.sharedGroups })}</>
              )}
            </label>{' '}
            <a href={userPath(p.member.handle)}>@{p.member.handle}</a>
          </div>
        );
      })}
      <div class="radio">
        <input type="radio" id="buddy-none" name="buddyId" value="" checked={chosen === ''} />
        <label for="buddy-none">
          {current
            ? t('buddies.choice.keep', { name: current.displayName })
            : t('buddies.choice.none')}
        </label>
      </div>
    </fieldset>
  );
}

/** Gives a newcomer a buddy without welcoming them. */
export function AssignBuddyPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  newcomer: Person;
  proposals: Proposal[];
  current: Person | undefined;
  value?: string | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, community, newcomer, failure } = props;
  const { t } = ctx;
  return (
    <section class="narrow" aria-labelledby="assign-buddy-title">
      <h1 id="assign-buddy-title">{t('buddies.assign.title', { name: newcomer.displayName })}</h1>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={assignBuddyPath(community.slug, newcomer.id)} novalidate>
        <CsrfField ctx={ctx} />
        <BuddyChoice
          ctx={ctx}
          newcomerName={newcomer.displayName}
          proposals={props.proposals}
          current={props.current}
          value={props.value}
          error={failure?.field === 'buddyId' ? failure.message : undefined}
        />
        <button type="submit">{t('buddies.assign.submit')}</button>
      </form>
      <p>
        <a href={buddiesPath(community.slug)}>{t('buddies.assign.back')}</a>
      </p>
    </section>
  );
}
