/** How often a member receives the pulse; weekly unless they choose. */
export const frequencies = ['daily', 'weekly', 'never'] as const;
export type Frequency = (typeof frequencies)[number];
export const DEFAULT_FREQUENCY: Frequency = 'weekly';

/** Every IANA zone this Node knows (the preferences' list, and what the API accepts). */
export const timeZones: readonly string[] = Intl.supportedValuesOf('timeZone');

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
