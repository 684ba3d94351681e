/**
 * A community's prepared set of restrictions for crisis mode (Twitch's Shield Mode): chosen
 * ahead by its animators, applied all at once when a crisis starts. No row: these defaults.
 */
export interface CrisisSettings {
  /** Whether the raid detector may start crisis mode by itself. */
  autoStart: boolean;
  /** Posts by young accounts wait for a moderator. */
  holdYoungPosts: boolean;
  /** Slow mode in the affected topic: one post per member per this many minutes (0: off). */
  slowModeMinutes: number;
  /** New sign-ups to the community wait for approval. */
  approveSignups: boolean;
  /** Young accounts cannot post links. */
  youngLinksOff: boolean;
  /** Minutes without a trigger after which a crisis ends by itself. */
  calmMinutes: number;
}

export const defaultCrisisSettings: CrisisSettings = {
  autoStart: true,
  holdYoungPosts: true,
  slowModeMinutes: 2,
  approveSignups: true,
  youngLinksOff: true,
  calmMinutes: 30,
};

/** The bounds an animator may choose within. */
export const SLOW_MAX = 60;
export const CALM_MIN = 5;
export const CALM_MAX = 24 * 60;
