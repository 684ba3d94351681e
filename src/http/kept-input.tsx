import type { FastifyRequest } from 'fastify';
import { formBody } from './form-failure.js';
import { CsrfField } from './layout.js';
import type { PageContext } from './page-context.js';

/**
 * What the member typed in a page form that was refused before its own page could show it again
 * (an expired form, too many posts, a session that ended, a topic deleted meanwhile): the error
 * page shows it back, so that nothing written is lost.
 */
export interface KeptInput {
  action: string;
  /** Fields the pages set themselves (ids, choices), sent again as they were. */
  hidden: [string, string][];
  /** Fields the member typed, shown to copy or to send again. */
  typed: [string, string][];
}

// Never shown back: the form token, secrets, and where to go next.
const NEVER_KEPT = /^(_csrf|next)$|password|token/i;
// Set by the pages themselves, never typed: sent again as they were, not shown.
const SET_BY_PAGES = new Set([
  'accept',
  'approve',
  'charterVersion',
  'groupId',
  'id',
  'kind',
  'locale',
  'on',
  'parentReplyId',
  'replyId',
  'role',
  'target',
  'typology',
  'visibility',
]);

/** Only a form sent from our own pages is shown back: never text another site posted. */
function isFromOurPages(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function keptInput(req: FastifyRequest): KeptInput | undefined {
  if (req.method !== 'POST' || req.url.startsWith('/api/') || !isFromOurPages(req))
    return undefined;
  const kept: KeptInput = { action: req.url, hidden: [], typed: [] };
  for (const [name, value] of Object.entries(formBody(req))) {
    if (value === undefined || NEVER_KEPT.test(name)) continue;
    if (SET_BY_PAGES.has(name)) kept.hidden.push([name, value]);
    else if (value.trim() !== '') kept.typed.push([name, value]);
  }
  return kept.typed.length > 0 ? kept : undefined;
}

/**
 * The typed text under the error, in boxes to copy; with a button to send it again when the
 * refusal will not recur (the form had expired, or the member was posting too fast).
 */
export function KeptInputForm(props: { ctx: PageContext; kept: KeptInput; canResend: boolean }) {
  const { ctx, kept } = props;
  const { t } = ctx;
  const count = kept.typed.length;
  const fields = kept.typed.map(([name, value], i) => (
    <div class="field" key={name}>
      <label for={`kept-${i}`}>
        {count === 1 ? t('form.kept.one') : t('form.kept.many', { n: i + 1, count })}
      </label>
      <textarea id={`kept-${i}`} name={props.canResend ? name : undefined} rows={6}>
        {value}
      </textarea>
    </div>
  ));
  return (
    <section aria-labelledby="kept-title">
      <h2 id="kept-title">{t('form.kept.title')}</h2>
      <p>{t(props.canResend ? 'form.kept.resendHint' : 'form.kept.copyHint')}</p>
      {props.canResend ? (
        <form method="post" action={kept.action}>
          <CsrfField ctx={ctx} />
          {kept.hidden.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {fields}
          <button type="submit">{t('form.kept.resend')}</button>
        </form>
      ) : (
        fields
      )}
    </section>
  );
}
