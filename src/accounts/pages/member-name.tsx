import type { PageContext } from '../../http/index.js';
import { userPath } from '../paths.js';

/**
 * A member's name linked to their profile; a former member (deleted account) reads as such,
 * with no link, since nothing of theirs is left to show.
 */
export function MemberName(props: {
  ctx: PageContext;
  handle: string;
  displayName: string;
  deletedAt: number | null;
}) {
  if (props.deletedAt !== null)
    return <span class="former-member">{props.ctx.t('accounts.formerMember')}</span>;
  return <a href={userPath(props.handle)}>{props.displayName}</a>;
}

/** The same as plain text, for sentences ("by …"). */
export function memberNameText(
  t: PageContext['t'],
  member: { displayName: string; deletedAt: number | null },
): string {
  return member.deletedAt !== null ? t('accounts.formerMember') : member.displayName;
}
