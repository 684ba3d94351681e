import { CsrfField, FormError, type PageContext } from '../../http/index.js';
import { frequencies, timeZones } from '../kinds.js';
import { pulseFormPath } from '../paths.js';
import type { PulseSettings } from '../service.js';

/**
 * The pulse's section of the preferences page: how often, and the time zone of its 08:00. With
 * JavaScript, a member who never chose a zone is offered their browser's (public/pulse-zone.js).
 */
export function PulseSettingsForm(props: {
  ctx: PageContext;
  settings: PulseSettings;
  error?: { message: string; field: string | undefined } | undefined;
}) {
  const { ctx, settings, error } = props;
  const { t } = ctx;
  const zoneError = error?.field === 'timeZone' ? error.message : undefined;
  return (
    <section aria-labelledby="pulse-title" id="pulse">
      <h2 id="pulse-title">{t('pulse.settings.title')}</h2>
      <p>{t('pulse.settings.intro')}</p>
      {error && error.field !== 'timeZone' && <FormError ctx={ctx} message={error.message} />}
      <form method="post" action={pulseFormPath}>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{t('pulse.settings.frequency')}</legend>
          {frequencies.map((f) => (
            <div class="field checkbox" key={f}>
              <input
                type="radio"
                id={`pulse-frequency-${f}`}
                name="frequency"
                value={f}
                checked={settings.frequency === f}
              />
              <label for={`pulse-frequency-${f}`}>{t(`pulse.frequency.${f}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class={zoneError ? 'field has-error' : 'field'}>
          <label for="pulse-time-zone">{t('pulse.settings.timeZone')}</label>
          <p class="hint" id="pulse-time-zone-hint">
            {t('pulse.settings.timeZoneHint')}
          </p>
          {zoneError && (
            <p class="error" id="pulse-time-zone-error">
              {zoneError}
            </p>
          )}
          <select
            id="pulse-time-zone"
            name="timeZone"
            aria-describedby={
              zoneError ? 'pulse-time-zone-hint pulse-time-zone-error' : 'pulse-time-zone-hint'
            }
            aria-invalid={zoneError ? true : undefined}
            data-default-zone={settings.isDefaultZone ? '1' : undefined}
            data-browser-zone-label={t('pulse.settings.browserZone', { zone: '{zone}' })}
            data-use-label={t('pulse.settings.useBrowserZone')}
          >
            {!timeZones.includes(settings.timeZone) && (
              <option value={settings.timeZone} selected>
                {settings.timeZone}
              </option>
            )}
            {timeZones.map((z) => (
              <option key={z} value={z} selected={z === settings.timeZone}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('pulse.settings.submit')}</button>
      </form>
      <script src="/assets/pulse-zone.js" defer />
    </section>
  );
}
