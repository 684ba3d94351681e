import { CsrfField, FormError, type PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { spotlightPath } from '../paths.js';
import type { SpotlightRow } from '../store.js';

/** The member reads the portrait proposed on them and accepts or declines it. */
export function SpotlightProposalPage(props: {
  ctx: PageContext;
  community: { name: string };
  spotlight: SpotlightRow;
  author: string;
  member: string;
  isMember: boolean;
  error?: string | undefined;
}) {
  const { ctx, spotlight: s } = props;
  const { t } = ctx;
  const date = formatDate(ctx.locale, s.until_at);
  const path = spotlightPath(Number(s.id));
  return (
    <section class="narrow" aria-labelledby="spotlight-title">
      <h1 id="spotlight-title">
        {t('recognition.spotlight.proposal.title', { community: props.community.name })}
      </h1>
      <FormError ctx={ctx} message={props.error} />
      <p>
        {t('recognition.spotlight.proposal.intro', {
          name: props.author,
          community: props.community.name,
          date,
        })}
      </p>
      <blockquote class="spotlight-portrait">
        {s.portrait.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </blockquote>
      {s.state === 'accepted' && (
        <p role="status">{t('recognition.spotlight.accepted', { date })}</p>
      )}
      {s.state === 'declined' && <p role="status">{t('recognition.spotlight.declined')}</p>}
      {s.state === 'proposed' && !props.isMember && (
        <p>{t('recognition.spotlight.waiting', { name: props.member })}</p>
      )}
      {s.state === 'proposed' && props.isMember && (
        <div class="actions">
          <form method="post" action={`${path}/accept`} class="inline">
            <CsrfField ctx={ctx} />
            <button type="submit">{t('recognition.spotlight.accept')}</button>
          </form>{' '}
          <form method="post" action={`${path}/decline`} class="inline">
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">
              {t('recognition.spotlight.decline')}
            </button>
          </form>
        </div>
      )}
    </section>
  );
}
