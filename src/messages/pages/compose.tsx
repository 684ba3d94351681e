import {
  CsrfField,
  Field,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { AsTeamField } from '../../teams/index.js';
import { MAX_BODY } from '../schemas.js';
import { MAX_RECIPIENTS } from '../recipients.js';

/** A new conversation: to whom (handles), and the first message. */
export function ComposeMessagePage(props: {
  ctx: PageContext;
  values: FormBody;
  failure?: FormFailure | undefined;
  /** The team voices the viewer may write as. */
  teams?: { id: number; name: string }[];
}) {
  const { ctx, failure, values } = props;
  const { t } = ctx;
  const err = (name: string) => (failure?.field === name ? failure.message : undefined);
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href="/messages">{t('messages.title')}</a>
      </p>
      <h1>{t('messages.compose.title')}</h1>
      <p>{t('messages.compose.who')}</p>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action="/messages/new" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="recipients"
          label={t('messages.field.recipients')}
          hint={t('messages.field.recipientsHint', { max: MAX_RECIPIENTS })}
          value={values.recipients}
          required
          autocomplete="off"
          error={err('recipients')}
        />
        <Field
          name="body"
          multiline
          rows={8}
          label={t('messages.field.body')}
          hint={t('messages.field.bodyHint')}
          value={values.body}
          required
          maxLength={MAX_BODY}
          error={err('body')}
        />
        <AsTeamField
          ctx={ctx}
          teams={props.teams ?? []}
          value={values.asTeam}
          error={err('asTeam')}
        />
        <button type="submit">{t('messages.send')}</button>
      </form>
    </section>
  );
}
