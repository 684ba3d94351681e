import {
  CsrfField,
  FormError,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../../http/index.js';
import { memberTrustPath } from '../paths.js';
import type { TrustView } from '../service.js';
import type { LevelLimits } from '../limits.js';
import { trustLevels } from '../levels.js';

function LimitsTable(props: { ctx: PageContext; limits: LevelLimits }) {
  const { t } = props.ctx;
  const l = props.limits;
  const cap = (n: number) => (n === 0 ? t('trust.limit.none') : String(n));
  const rows: [string, string][] = [
    [t('trust.limit.links'), l.links ? t('trust.limit.yes') : t('trust.limit.no')],
    [t('trust.limit.postsPerDay'), cap(l.postsPerDay)],
    [t('trust.limit.secondsBetweenPosts'), cap(l.secondsBetweenPosts)],
    [t('trust.limit.messagesPerDay'), cap(l.messagesPerDay)],
    [t('trust.limit.flagsPerDay'), cap(l.flagsPerDay)],
  ];
  return (
    <table>
      <caption>{t('trust.page.limits')}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Next(props: { ctx: PageContext; trust: TrustView }) {
  const { t } = props.ctx;
  const next = props.trust.next;
  if (!next) return <p>{t('trust.page.top')}</p>;
  return (
    <>
      <h2>{t('trust.page.next', { name: t(`trust.level.${next.level}`) })}</h2>
      <ul>
        {next.requirements.map((r) => (
          <li>
            {r.have >= r.need ? '✓ ' : ''}
            {t(`trust.rule.${r.rule}`, { need: r.need })}
            {r.windowed ? ` (${t('trust.page.windowed')})` : ''} —{' '}
            {t('trust.page.progress', { have: Math.min(r.have, r.need), need: r.need })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The member's own level, what it allows, and what the next one asks. */
export function OwnTrustPage(props: { ctx: PageContext; trust: TrustView }) {
  const { ctx, trust } = props;
  const { t } = ctx;
  return (
    <section class="narrow" aria-labelledby="trust-title">
      <h1 id="trust-title">{t('trust.page.title')}</h1>
      <p>{t('trust.page.intro')}</p>
      <p>
        <strong>
          {t('trust.page.current', { name: t(`trust.level.${trust.level}`), level: trust.level })}
        </strong>
      </p>
      {trust.locked ? <p>{t('trust.page.locked')}</p> : null}
      <LimitsTable ctx={ctx} limits={trust.limits} />
      <Next ctx={ctx} trust={trust} />
    </section>
  );
}

/** An instance admin's form: a member's level set by hand, locked or not. */
export function MemberTrustPage(props: {
  ctx: PageContext;
  member: { handle: string; displayName: string };
  trust: TrustView;
  values?: FormBody | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, member, trust, failure } = props;
  const { t } = ctx;
  const v = props.values;
  const level = v?.level ?? String(trust.level);
  const locked = v ? v.locked === '1' : trust.locked;
  return (
    <section class="narrow" aria-labelledby="trust-title">
      <h1 id="trust-title">{t('trust.admin.title', { name: member.displayName })}</h1>
      <p>{t('trust.admin.intro')}</p>
      <p>
        {t('trust.page.current', { name: t(`trust.level.${trust.level}`), level: trust.level })}
        {trust.setBy ? ` — ${t('trust.admin.setBy', { handle: trust.setBy.handle })}` : ''}
      </p>
      <FormError ctx={ctx} message={failure?.message} />
      <form method="post" action={memberTrustPath(member.handle)} novalidate>
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="field-level">{t('field.trustLevel')}</label>
          <select id="field-level" name="level">
            {trustLevels.map((n) => (
              <option value={String(n)} selected={level === String(n)}>
                {n} — {t(`trust.level.${n}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <input id="field-locked" type="checkbox" name="locked" value="1" checked={locked} />{' '}
          <label for="field-locked">{t('field.locked')}</label>
        </div>
        <button type="submit">{t('trust.admin.save')}</button>
      </form>
      <LimitsTable ctx={ctx} limits={trust.limits} />
      <Next ctx={ctx} trust={trust} />
    </section>
  );
}
