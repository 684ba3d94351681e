import { userPath } from '../../accounts/index.js';
import type { PageContext } from '../../http/index.js';

/** A team as a post's author: its initials avatar and its name, linked to its profile. */
export function TeamAuthor(props: { handle: string; name: string; initials: string }) {
  return (
    <span class="team-author">
      <span class="team-avatar" aria-hidden="true">
        {props.initials}
      </span>
      <a href={userPath(props.handle)}>{props.name}</a>
    </span>
  );
}

/** The animator's signature under a team's post: "— Camille". */
export function TeamSignature(props: { ctx: PageContext; signature: string | undefined }) {
  if (props.signature === undefined) return null;
  return (
    <p class="team-signature">{props.ctx.t('teams.signature', { signature: props.signature })}</p>
  );
}

/**
 * The "post as" choice of a post or message form, for an animator in one team or more; works
 * without JavaScript (a plain select, "myself" first). Nothing is shown to anyone else.
 */
export function AsTeamField(props: {
  ctx: PageContext;
  teams: { id: number; name: string }[];
  value?: string | undefined;
  error?: string | undefined;
  /** In a team's conversation the animator writes as the team: no "myself". */
  teamOnly?: boolean;
}) {
  const { t } = props.ctx;
  if (props.teams.length === 0) return null;
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for="field-asTeam">{t('teams.field.asTeam')}</label>
      {props.error && (
        <p class="error" id="field-asTeam-error">
          {props.error}
        </p>
      )}
      <select
        id="field-asTeam"
        name="asTeam"
        aria-describedby={props.error ? 'field-asTeam-error' : undefined}
      >
        {!props.teamOnly && (
          <option value="" selected={!props.value}>
            {t('teams.field.asMyself')}
          </option>
        )}
        {props.teams.map((team) => (
          <option key={team.id} value={String(team.id)} selected={props.value === String(team.id)}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}
