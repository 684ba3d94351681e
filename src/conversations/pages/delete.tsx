import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';

/**
 * "Delete this post?": a step of its own, so that one click never deletes, with JavaScript or
 * without; staff deleting someone else's post may say why.
 */
export function DeletePostPage(props: {
  ctx: PageContext;
  kind: 'topic' | 'reply';
  action: string;
  back: string;
  authorName: string | undefined;
  excerpt: string;
  askReason: boolean;
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, failure } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t(`conversations.delete.${props.kind}Title`)}</h1>
      <FormError ctx={ctx} message={failure?.message} />
      <figure class="quoted">
        <blockquote>
          <p>{props.excerpt}</p>
        </blockquote>
        {props.authorName && (
          <figcaption>{t('conversations.delete.by', { name: props.authorName })}</figcaption>
        )}
      </figure>
      <p>{t(`conversations.delete.${props.kind}Warning`)}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        {props.askReason && (
          <Field
            name="reason"
            multiline
            rows={3}
            maxLength={500}
            label={t('conversations.delete.reason')}
            hint={t('conversations.delete.reasonHint')}
            value={props.values?.reason}
            error={failure?.field === 'reason' ? failure.message : undefined}
          />
        )}
        <button type="submit">{t('conversations.delete.confirm')}</button>{' '}
        <a href={props.back}>{t('conversations.delete.cancel')}</a>
      </form>
    </section>
  );
}
