import { MemberName, userPath } from '../../accounts/index.js';
import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { newMessagePath } from '../paths.js';

export interface BlockedMember {
  handle: string;
  displayName: string;
  blockedAt: number;
}

/** A form to block or unblock one member; `next`: where to come back to. */
export function BlockForm(props: {
  ctx: PageContext;
  handle: string;
  blocked: boolean;
  next: string;
  label: string;
}) {
  return (
    <form
      method="post"
      action={props.blocked ? '/account/blocks/remove' : '/account/blocks'}
      class="inline"
    >
      <CsrfField ctx={props.ctx} />
      <input type="hidden" name="handle" value={props.handle} />
      <input type="hidden" name="next" value={props.next} />
      <button type="submit" class="link">
        {props.label}
      </button>
    </form>
  );
}

/** The account's list of blocked members, each with a way to unblock, and a way to block one. */
export function BlocksPage(props: {
  ctx: PageContext;
  blocks: BlockedMember[];
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, failure } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href="/account">{t('messages.blocks.account')}</a>
      </p>
      <h1>{t('messages.blocks.title')}</h1>
      <p>{t('messages.blocks.intro')}</p>
      {props.blocks.length === 0 ? (
        <p>{t('messages.blocks.none')}</p>
      ) : (
        <ul class="member-list">
          {props.blocks.map((b) => (
            <li key={b.handle}>
              <MemberName
                ctx={ctx}
                handle={b.handle}
                displayName={b.displayName}
                deletedAt={null}
              />{' '}
              <span class="muted">
                {t('messages.blocks.since', { date: formatDate(ctx.locale, b.blockedAt) })}
              </span>{' '}
              <BlockForm
                ctx={ctx}
                handle={b.handle}
                blocked
                next="/account/blocks"
                label={t('messages.blocks.unblockName', { name: b.displayName })}
              />
            </li>
          ))}
        </ul>
      )}
      <h2>{t('messages.blocks.add')}</h2>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action="/account/blocks" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value="/account/blocks" />
        <Field
          name="handle"
          label={t('messages.field.handle')}
          hint={t('messages.field.handleHint')}
          value={props.values?.handle}
          required
          autocomplete="off"
          error={failure?.field === 'handle' ? failure.message : undefined}
        />
        <button type="submit">{t('messages.blocks.submit')}</button>
      </form>
    </section>
  );
}

/** On a member's profile: write to them (when one may), and block or unblock them. */
export function ProfileMessaging(props: {
  ctx: PageContext;
  member: { handle: string; displayName: string };
  canWrite: boolean;
  blocked: boolean;
}) {
  const { ctx, member } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="messaging-title" class="actions">
      <h2 id="messaging-title" class="visually-hidden">
        {t('messages.profile.title')}
      </h2>
      {props.canWrite && (
        <a class="button" href={newMessagePath(member.handle)}>
          {t('messages.profile.write', { name: member.displayName })}
        </a>
      )}
      {props.blocked && <p>{t('messages.profile.blocked')}</p>}
      <BlockForm
        ctx={ctx}
        handle={member.handle}
        blocked={props.blocked}
        next={userPath(member.handle)}
        label={t(props.blocked ? 'messages.profile.unblock' : 'messages.profile.block', {
          name: member.displayName,
        })}
      />
    </section>
  );
}
