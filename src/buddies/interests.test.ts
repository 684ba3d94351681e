import { describe, expect, it } from 'vitest';
import { sharedWords, significantWords } from './interests.js';

describe('shared interests', () => {
  it('matches significant words, accents, case and a final "s" aside', () => {
    const nina = significantWords('Gardening and repair cafés');
    const vera = significantWords('Jardinage, Repair café et couture');
    // As the newcomer wrote them; "and", "et" are too short to count.
    expect(sharedWords(nina, vera)).toEqual(['repair', 'cafés']);
  });

  it('leaves out common words', () => {
    const a = significantWords('J’aime beaucoup les randonnées avec vous');
    const b = significantWords('Beaucoup de choses avec vous, j’aime la lecture');
    expect(sharedWords(a, b)).toEqual([]);
    expect(sharedWords(a, significantWords('Randonnée'))).toEqual(['randonnées']);
  });
});
