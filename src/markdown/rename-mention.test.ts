import { describe, expect, it } from 'vitest';
import { extractMentions, renameMention } from './index.js';

describe('renaming a mention (a deleted account’s handle)', () => {
  it('turns every mention of the handle into the new one, and nothing else', () => {
    const source =
      'Merci @alice et @Alice ! Voir @alice-b, alice@example.org, @alicette et `@alice`.\n\n@alice';
    const renamed = renameMention(source, 'alice', 'anon-1a2b3c4d5e');
    expect(renamed).toBe(
      'Merci @anon-1a2b3c4d5e et @anon-1a2b3c4d5e ! Voir @alice-b, alice@example.org, @alicette et `@anon-1a2b3c4d5e`.\n\n@anon-1a2b3c4d5e',
    );
    expect(extractMentions(renamed)).toEqual(['anon-1a2b3c4d5e', 'alice-b', 'alicette']);
  });
});
