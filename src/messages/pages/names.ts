import { memberNameText } from '../../accounts/index.js';
import type { PageContext } from '../../http/index.js';
import type { Names } from '../names.js';

const lists = new Map<string, Intl.ListFormat>();

/** "Alice, Bruno et Chloé" / "Alice, Bruno, and Chloé". */
export function joinNames(ctx: PageContext, names: string[]): string {
  let f = lists.get(ctx.locale);
  if (!f) {
    f = new Intl.ListFormat(ctx.locale, { type: 'conjunction' });
    lists.set(ctx.locale, f);
  }
  return f.format(names);
}

/** A member's name as a sentence says it; a former member (or nobody known) as such. */
export function nameOf(ctx: PageContext, names: Names, userId: number): string {
  const n = names.get(userId);
  return memberNameText(ctx.t, n ?? { displayName: '', deletedAt: 0 });
}

/** The others in a conversation, by name, for its title. */
export function othersIn(
  ctx: PageContext,
  names: Names,
  participants: { user_id: number }[],
): string {
  const others = participants.filter((p) => p.user_id !== ctx.viewer?.id);
  if (others.length === 0) return ctx.t('messages.onlyYou');
  return joinNames(
    ctx,
    others.map((p) => nameOf(ctx, names, p.user_id)),
  );
}
