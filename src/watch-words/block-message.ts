import type { Locale } from '../i18n/index.js';

/**
 * What the author of a refused post reads (a `block` list): the list's own French and English
 * texts, or these defaults. `{word}` becomes the words of the post that matched, as written.
 */
export const defaultBlockMessages: Record<Locale, string> = {
  fr: 'Votre message contient un terme que cette communauté a choisi de ne pas accepter : « {word} ». Reformulez-le, s’il vous plaît.',
  en: 'Your post contains a term this community has chosen not to accept: “{word}”. Please rephrase it.',
};

/** Longest block message an animator may write. */
export const MAX_MESSAGE = 500;

const VARIABLE = /\{([^{}]*)\}/g;

/** The first variable other than `{word}` the message names, if any. */
export function unknownVariable(message: string): string | undefined {
  return [...message.matchAll(VARIABLE)].map((m) => m[1] ?? '').find((v) => v !== 'word');
}

export function fillBlockMessage(message: string, word: string): string {
  return message.replaceAll('{word}', word);
}
