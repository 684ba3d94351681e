import { CsrfField, type PageContext } from '../../http/index.js';
import { watchLevels } from '../kinds.js';
import type { Watching } from '../service.js';

/** The watching level of a topic or a group: a select and a button, posted without JavaScript. */
export function WatchForm(props: {
  ctx: PageContext;
  place: 'topic' | 'group';
  id: number;
  watching: Watching;
}) {
  const { ctx, place, watching } = props;
  const { t } = ctx;
  const field = `watch-level-${place}`;
  const viaGroup = place === 'topic' && watching.via === 'group';
  return (
    <form method="post" action="/notifications/watch" class="inline-form watch-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="place" value={place} />
      <input type="hidden" name="id" value={String(props.id)} />
      <input type="hidden" name="next" value={ctx.path} />
      <div class="field">
        <label for={field}>{t(`notifications.watch.${place}`)}</label>
        {viaGroup && (
          <p class="hint" id={`${field}-hint`}>
            {t('notifications.watch.viaGroup')}
          </p>
        )}
        <select id={field} name="level" aria-describedby={viaGroup ? `${field}-hint` : undefined}>
          {watchLevels.map((level) => (
            <option key={level} value={level} selected={level === watching.level}>
              {t(`notifications.watch.${place}.${level}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('notifications.watch.submit')}</button>
    </form>
  );
}
