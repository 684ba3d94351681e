/** The crisis page of a community: its prepared restrictions and its crises. */
export const crisisPath = (slug: string) => `/c/${slug}/crisis`;
