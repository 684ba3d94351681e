// The most frequent French and English function words, folded (no accents), after the
// Snowball lists PostgreSQL uses. Single letters cover elisions: l'équipe, d'abord, qu'il.
const WORDS = `
a au aux avec c ce ces cette d dans de des du elle elles en est et eux il ils j je l la le les
leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu que qui
s sa se ses son sont sur t ta te tes toi ton tu un une vos votre vous y
an and are as at be been but by for from had has have he her his i if in into is it its me my
no not of on or our she so than that the their them then there these they this those to too
was we were what when which who will with you your
`;

const STOPWORDS = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}
