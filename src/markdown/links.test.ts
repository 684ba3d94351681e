import { describe, expect, it } from 'vitest';
import { countLinks } from './index.js';

describe('countLinks', () => {
  it('counts written and bare links and images, not mentions nor plain words', () => {
    expect(countLinks('Voir [le site](https://exemple.org) et https://exemple.org/a')).toEqual({
      links: 2,
      images: 0,
    });
    expect(countLinks('![affiche](https://exemple.org/a.png)')).toEqual({ links: 0, images: 1 });
    expect(countLinks('Merci @camille, lisez README.md')).toEqual({ links: 0, images: 0 });
    expect(countLinks('`https://exemple.org` en code')).toEqual({ links: 0, images: 0 });
  });
});
