import type { SignatureStyle } from './store.js';

export const signatureStyles = ['first_name', 'initials'] as const satisfies SignatureStyle[];

/**
 * How an animator signs a team's posts, from their display name: "Camille Martin" signs
 * "Camille" (first name) or "C.M." (initials). Readers see it after a dash, under the team.
 */
export function signatureOf(displayName: string, style: SignatureStyle): string {
  const words = displayName.trim().split(/[\s]+/u).filter(Boolean);
  if (style === 'first_name') return words[0] ?? displayName;
  return words.map((w) => `${[...w][0]?.toUpperCase() ?? ''}.`).join('');
}

/** A team's avatar: the initials of its name's main words ("L'équipe Unis-Cité" → "UC"). */
export function teamInitials(name: string): string {
  const small = new Set(['l', 'la', 'le', 'les', 'de', 'du', 'des', 'the', 'équipe', 'team', 'd']);
  const words = name.split(/[\s'’-]+/u).filter((w) => w && !small.has(w.toLowerCase()));
  const letters = (words.length > 0 ? words : [name]).map((w) => [...w][0] ?? '').join('');
  return letters.slice(0, 2).toUpperCase();
}
