import { CsrfField, FormError, type PageContext } from '../../http/index.js';
import type { ComposedPulse } from '../render.js';
import { pulseAnimationPath } from '../paths.js';
import type { presentPicks } from '../present.js';

type Picks = ReturnType<typeof presentPicks>;

function TopicButton(props: { ctx: PageContext; action: string; topicId: number; label: string }) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField ctx={props.ctx} />
      <input type="hidden" name="topicId" value={String(props.topicId)} />
      <button type="submit">{props.label}</button>
    </form>
  );
}

/** The animators' page of a community's pulse: featured topics, kept-out ones, a preview. */
export function PulseAnimationPage(props: {
  ctx: PageContext;
  community: { slug: string; name: string };
  picks: Picks;
  preview?: { handle: string; pulse: ComposedPulse | null } | undefined;
  error?: { message: string; field: string | undefined } | undefined;
  handle?: string | undefined;
}) {
  const { ctx, picks, preview, error } = props;
  const { t } = ctx;
  const base = pulseAnimationPath(props.community.slug);
  return (
    <section aria-labelledby="pulse-title">
      <h1 id="pulse-title">{t('pulse.animate.title', { community: props.community.name })}</h1>
      <p>{t('pulse.animate.intro')}</p>
      <FormError ctx={ctx} message={error?.message} />
      <h2>{t('pulse.animate.pins')}</h2>
      {picks.pins.length === 0 ? (
        <p>{t('pulse.animate.noPin')}</p>
      ) : (
        <ul>
          {picks.pins.map((p) => (
            <li key={p.topicId}>
              {p.title} — {p.group ?? t('pulse.animate.wholeCommunity')}{' '}
              <TopicButton
                ctx={ctx}
                action={`${base}/unpin`}
                topicId={p.topicId}
                label={t('pulse.animate.unpin')}
              />
            </li>
          ))}
        </ul>
      )}
      <h2>{t('pulse.animate.excluded')}</h2>
      {picks.exclusions.length === 0 ? (
        <p>{t('pulse.animate.noExcluded')}</p>
      ) : (
        <ul>
          {picks.exclusions.map((x) => (
            <li key={x.topicId}>
              {x.title}{' '}
              <TopicButton
                ctx={ctx}
                action={`${base}/include`}
                topicId={x.topicId}
                label={t('pulse.animate.include')}
              />
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/pick`}>
        <CsrfField ctx={ctx} />
        <div class={error?.field === 'topicId' ? 'field has-error' : 'field'}>
          <label for="pulse-topic">{t('pulse.animate.topicId')}</label>
          <input
            id="pulse-topic"
            name="topicId"
            inputMode="numeric"
            required
            aria-invalid={error?.field === 'topicId' ? true : undefined}
          />
        </div>
        <button type="submit" name="action" value="pin">
          {t('pulse.animate.pin')}
        </button>{' '}
        <button type="submit" name="action" value="exclude">
          {t('pulse.animate.exclude')}
        </button>
      </form>
      <h2>{t('pulse.animate.preview')}</h2>
      <form method="get" action={base}>
        <div class={error?.field === 'handle' ? 'field has-error' : 'field'}>
          <label for="pulse-handle">{t('pulse.animate.handle')}</label>
          <input
            id="pulse-handle"
            name="handle"
            value={props.handle ?? ''}
            required
            aria-invalid={error?.field === 'handle' ? true : undefined}
          />
        </div>
        <button type="submit">{t('pulse.animate.show')}</button>
      </form>
      {preview && (
        <section aria-labelledby="preview-title">
          <h3 id="preview-title">{t('pulse.animate.previewOf', { name: `@${preview.handle}` })}</h3>
          {preview.pulse ? (
            <>
              <p>
                <strong>{preview.pulse.subject}</strong>
              </p>
              <pre class="pulse-preview">{preview.pulse.text}</pre>
            </>
          ) : (
            <p>{t('pulse.animate.previewEmpty')}</p>
          )}
        </section>
      )}
    </section>
  );
}
