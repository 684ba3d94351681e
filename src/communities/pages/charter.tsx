import { diffWords } from 'diff';
import { CsrfField, FormError, type FormFailure, type PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import { renderMarkdown } from '../../markdown/index.js';
import type { CommunityAccess } from '../policy.js';
import { communityPath } from '../paths.js';

type Charter = { version: number; body: string; created_at: number };

export function CharterPage(props: {
  ctx: PageContext;
  access: CommunityAccess;
  /** The version shown: the current one unless the reader asked for another. */
  charter: Charter | undefined;
  versions: { version: number; created_at: number }[];
  /** The earlier version a member accepted, when the current one waits for her. */
  accepted: Charter | undefined;
  failure?: FormFailure | undefined;
}) {
  const { ctx, access, charter, accepted } = props;
  const { t } = ctx;
  const c = access.community;
  const m = access.membership;
  const base = `${communityPath(c.slug)}/charter`;
  const isCurrent = charter?.version === access.charterVersion;
  const needsAcceptance =
    ctx.viewer &&
    charter &&
    isCurrent &&
    (!m ||
      m.status === 'invited' ||
      (m.status === 'active' && (m.charter_version ?? 0) < charter.version));
  const submit =
    m?.status === 'active'
      ? 'communities.charter.reaccept'
      : c.visibility === 'public' || m?.status === 'invited'
        ? 'communities.charter.join'
        : 'communities.charter.request';
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={communityPath(c.slug)}>{c.name}</a>
      </p>
      <h1>{t('communities.charter.title', { name: c.name })}</h1>
      {charter && (
        <>
          <p class="muted">
            {t('communities.charter.version', { version: charter.version })} ·{' '}
            {formatDate(ctx.locale, charter.created_at)}
          </p>
          {!isCurrent && (
            <p class="warning">
              {t('communities.charter.old', { version: access.charterVersion })}{' '}
              <a href={base}>{t('communities.charter.readCurrent')}</a>
            </p>
          )}
          {isCurrent && accepted && <CharterDiff ctx={ctx} from={accepted} to={charter} />}
          <div
            class="prose charter"
            dangerouslySetInnerHTML={{ __html: renderMarkdown(charter.body) }}
          />
        </>
      )}
      <FormError ctx={ctx} message={props.failure?.message} />
      {needsAcceptance && (
        <form method="post" action={`${communityPath(c.slug)}/join`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="charterVersion" value={String(charter.version)} />
          <div class="field checkbox">
            <input type="checkbox" id="field-accept" name="accept" value="1" required />
            <label for="field-accept">{t('communities.charter.accept')}</label>
          </div>
          <button type="submit">{t(submit)}</button>
        </form>
      )}
      {!ctx.viewer && (
        <p>
          <a href={`/signin?next=${encodeURIComponent(base)}`}>{t('nav.signin')}</a>
        </p>
      )}
      {props.versions.length > 1 && (
        <CharterVersions
          ctx={ctx}
          base={base}
          versions={props.versions}
          current={access.charterVersion}
          shown={charter?.version}
          accepted={m?.status === 'active' ? m.charter_version : null}
        />
      )}
    </section>
  );
}

/** What changed between two versions, word by word, from their Markdown text. */
function CharterDiff(props: { ctx: PageContext; from: Charter; to: Charter }) {
  const { t } = props.ctx;
  const parts = diffWords(props.from.body, props.to.body);
  const changed = parts.some((p) => p.added || p.removed);
  return (
    <section aria-labelledby="charter-diff-title">
      <h2 id="charter-diff-title">
        {t('communities.charter.diff.title', { version: props.from.version })}
      </h2>
      {changed ? (
        <>
          <p class="muted">{t('communities.charter.diff.legend')}</p>
          <p class="charter-diff">
            {parts.map((p, i) =>
              p.added ? (
                <ins key={i}>
                  <span class="visually-hidden">{t('communities.charter.diff.added')} </span>
                  {p.value}
                </ins>
              ) : p.removed ? (
                <del key={i}>
                  <span class="visually-hidden">{t('communities.charter.diff.removed')} </span>
                  {p.value}
                </del>
              ) : (
                p.value
              ),
            )}
          </p>
        </>
      ) : (
        <p>{t('communities.charter.diff.none')}</p>
      )}
    </section>
  );
}

function CharterVersions(props: {
  ctx: PageContext;
  base: string;
  versions: { version: number; created_at: number }[];
  current: number;
  shown: number | undefined;
  accepted: number | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <nav aria-labelledby="charter-versions-title">
      <h2 id="charter-versions-title">{t('communities.charter.versions')}</h2>
      <ul>
        {props.versions.map(({ version, created_at }) => {
          const label = t('communities.charter.versionItem', {
            version,
            date: formatDate(ctx.locale, created_at),
          });
          const notes = [
            version === props.current ? t('communities.charter.current') : '',
            version === props.accepted ? t('communities.charter.yours') : '',
          ].filter(Boolean);
          const href = version === props.current ? props.base : `${props.base}?version=${version}`;
          return (
            <li key={version}>
              {version === props.shown ? (
                <a href={href} aria-current="page">
                  {label}
                </a>
              ) : (
                <a href={href}>{label}</a>
              )}
              {notes.length > 0 && <span class="muted"> ({notes.join(', ')})</span>}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
