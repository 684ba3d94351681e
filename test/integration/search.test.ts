import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as addSearchFacts } from '../../src/db/migrations/018_search_facts.js';
import { Client } from '../client.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

type Part = { text: string; mark: boolean };
type Found = {
  total: number;
  results: {
    topicId: number;
    communityId: number;
    groupId: number | null;
    kind: string;
    isSolved: boolean;
    title: string;
    titleParts: Part[];
    posts: { docKind: string; docId: number; snippet: string; snippetParts: Part[] }[];
    morePosts: number;
  }[];
};
type Member = Awaited<ReturnType<typeof newMember>>;

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const marked = (parts: Part[]) => parts.filter((p) => p.mark).map((p) => p.text.toLowerCase());

describe.each(databases)('search through the server on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let asker: Member;
  let helper: Member;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    asker = await newMember(t, 'Alice Asker');
    helper = await newMember(t, 'Bruno Helper');
    await join(asker.client, community.id);
    await join(helper.client, community.id);
  });
  afterAll(() => t.close());

  async function post(
    c: Client,
    fields: { title: string; body: string; kind?: string; groupId?: number },
    communityId = community.id,
  ): Promise<number> {
    const res = await c.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${communityId}/topics`,
      fields,
    );
    if (res.status !== 201) throw new Error(`topic failed: ${JSON.stringify(res.body)}`);
    return res.body.topic.id;
  }

  async function answer(c: Client, topicId: number, body: string): Promise<number> {
    const res = await c.api<{ reply: { id: number } }>('POST', `/topics/${topicId}/replies`, {
      body,
    });
    if (res.status !== 201) throw new Error(`reply failed: ${JSON.stringify(res.body)}`);
    return res.body.reply.id;
  }

  const search = (c: Client, query: Record<string, string | number>) =>
    c.api<Found>(
      'GET',
      `/search?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
    );
  const topicIds = (found: Found) => found.results.map((r) => r.topicId).sort((a, b) => a - b);

  it('finds the question first, once, its posts under it ("application")', async () => {
    const c = await newCommunity(admin.client);
    await join(asker.client, c.id);
    await join(helper.client, c.id);
    const question = await post(
      asker.client,
      {
        kind: 'question',
        title: 'Candidature : l’application refuse mon dossier',
        body: 'Depuis hier, impossible d’envoyer le formulaire. Une idée ?',
      },
      c.id,
    );
    const replies = [];
    for (const body of [
      'Mettez l’application à jour, cela a réglé le problème chez moi.',
      'L’application plante aussi sur mon téléphone.',
      'Même souci avec l’application Android.',
      'L’application demande une nouvelle connexion.',
      'Essayez l’application web en attendant.',
    ]) {
      replies.push(await answer(helper.client, question, body));
    }
    // Newer, and its reply says the word three times, but never in a title or a first post.
    const chat = await post(helper.client, { title: 'Nouvelles du local', body: 'Lundi.' }, c.id);
    const chatReply = await answer(
      asker.client,
      chat,
      'Application, application : tout le monde parle de l’application !',
    );

    const { status, body } = await search(new Client(t.url), {
      q: 'application',
      communityId: c.id,
    });
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.results.map((r) => r.topicId)).toEqual([question, chat]);
    const [first, second] = body.results;
    expect(first).toMatchObject({ kind: 'question', isSolved: false, morePosts: 3 });
    expect(first?.posts.map((p) => p.docKind)).toEqual(['topic', 'reply', 'reply']);
    expect(first?.posts[0]?.docId).toBe(question);
    for (const p of first?.posts.slice(1) ?? []) expect(replies).toContain(p.docId);
    expect(second?.posts.map((p) => [p.docKind, p.docId])).toEqual([['reply', chatReply]]);

    // The words searched are marked, in the title and in each snippet, which holds them.
    expect(first?.title).toBe('Candidature : l’application refuse mon dossier');
    expect(marked(first?.titleParts ?? [])).toEqual(['application']);
    expect(first?.titleParts.map((p) => p.text).join('')).toBe(first?.title);
    for (const p of first?.posts.slice(1) ?? []) {
      expect(marked(p.snippetParts)).toEqual(['application']);
      expect(p.snippet.toLowerCase()).toContain('application');
      expect(p.snippetParts.map((part) => part.text).join('')).toBe(p.snippet);
    }
    // Only the title matched the question: its snippet is the post's start, unmarked.
    expect(first?.posts[0]?.snippet).toBe(
      'Depuis hier, impossible d’envoyer le formulaire. Une idée ?',
    );
    expect(marked(second?.posts[0]?.snippetParts ?? [])).toEqual([
      'application',
      'application',
      'application',
    ]);

    // The page groups the same way, one list item per topic, the words in <mark>.
    const page = await new Client(t.url).page(`/search?q=application&communityId=${c.id}`);
    expect(page.html).toContain('Candidature : l’<mark>application</mark> refuse mon dossier');
    expect(page.html).toMatch(/#reply-\d+">[^<]*<\/a><p>[^<]*<mark>application<\/mark>/);
    expect(page.html.match(/<h2 class="topic-title">/g)).toHaveLength(2);
    expect(page.html.indexOf(`/t/${question}"`)).toBeLessThan(page.html.indexOf(`/t/${chat}"`));
    expect(page.html).toContain('Et 3 autres messages correspondants dans ce sujet');
    expect(page.html).toContain('2 conversations trouvées pour « application »');

    // Paged and counted by topic.
    const secondPage = await search(new Client(t.url), {
      q: 'application',
      communityId: c.id,
      limit: 1,
      offset: 1,
    });
    expect(secondPage.body.total).toBe(2);
    expect(secondPage.body.results.map((r) => r.topicId)).toEqual([chat]);
    const firstPage = await new Client(t.url).page(
      `/search?q=application&communityId=${c.id}&limit=1`,
    );
    expect(firstPage.html).toContain(
      `href="/search?q=application&amp;communityId=${c.id}&amp;offset=1&amp;limit=1" rel="next"`,
    );
  });

  it('shows the text of posts escaped, never HTML from the index', async () => {
    const id = await post(asker.client, {
      title: 'Balises tulipe',
      body: 'Le code `<script>alert(1)</script>` et la tulipe <img src=x onerror=alert(2)>',
    });
    const { body } = await search(asker.client, { q: 'tulipe' });
    expect(body.results.map((r) => r.topicId)).toEqual([id]);
    const page = await asker.client.page('/search?q=tulipe');
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).not.toContain('<img');
    expect(page.html).toMatch(/&lt;script(>|&gt;)alert\(1\)&lt;\/script/);
  });

  it('filters by community, group, kind, solved or not, and period', async () => {
    const elsewhere = await newCommunity(admin.client);
    await join(asker.client, elsewhere.id);
    const group = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug: `velo-${kind}`, name: 'Atelier vélo', visibility: 'public' },
    );
    const groupId = group.body.group.id;
    await asker.client.api('POST', `/groups/${groupId}/join`);

    const discussion = await post(asker.client, { title: 'Vélo : balade', body: 'Dimanche.' });
    const inGroup = await post(asker.client, {
      title: 'Vélo du groupe',
      body: 'Réparer.',
      groupId,
    });
    const solved = await post(asker.client, {
      kind: 'question',
      title: 'Vélo : quelle selle ?',
      body: 'Confort.',
    });
    const accepted = await answer(helper.client, solved, 'Une selle en cuir pour le vélo.');
    expect(
      (await asker.client.api('PUT', `/topics/${solved}/accepted`, { replyId: accepted })).status,
    ).toBe(204);
    const unsolved = await post(asker.client, {
      kind: 'question',
      title: 'Vélo : quel antivol ?',
      body: 'Sûr.',
    });
    const away = await post(asker.client, { title: 'Vélo ailleurs', body: 'Loin.' }, elsewhere.id);

    const ids = async (filters: Record<string, string | number>) => {
      const { status, body } = await search(asker.client, { q: 'vélo', ...filters });
      expect(status, JSON.stringify(filters)).toBe(200);
      return topicIds(body);
    };
    const sorted = (...list: number[]) => list.sort((a, b) => a - b);
    const here = sorted(discussion, inGroup, solved, unsolved);
    expect(await ids({ communityId: community.id })).toEqual(here);
    expect(await ids({ communityId: elsewhere.id })).toEqual([away]);
    expect(await ids({})).toEqual(sorted(...here, away));
    expect(await ids({ groupId })).toEqual([inGroup]);
    expect(await ids({ communityId: elsewhere.id, groupId })).toEqual([]);
    expect(await ids({ communityId: community.id, kind: 'question' })).toEqual(
      sorted(solved, unsolved),
    );
    expect(await ids({ communityId: community.id, kind: 'discussion' })).toEqual(
      sorted(discussion, inGroup),
    );
    expect(await ids({ solved: 'true' })).toEqual([solved]);
    expect(await ids({ solved: 'false' })).toEqual([unsolved]);
    const today = Date.now();
    expect(await ids({ communityId: community.id, from: day(today), to: day(today) })).toEqual(
      here,
    );
    expect(await ids({ from: day(today + DAY) })).toEqual([]);
    expect(await ids({ to: day(today - DAY) })).toEqual([]);
    // The page's empty choices ("all") are no filter.
    const blank = { communityId: '', groupId: '', kind: '', solved: '', from: '', to: '' };
    expect(await ids(blank)).toEqual(sorted(...here, away));
  });

  it('keeps the solved filter current as answers are accepted, unaccepted, deleted and edited', async () => {
    const q = await post(asker.client, {
      kind: 'question',
      title: 'Où trouver un broyeur ?',
      body: 'Pour les branches.',
    });
    const r1 = await answer(helper.client, q, 'Le broyeur de la mairie se prête.');
    const solvedIds = async (solved: 'true' | 'false') =>
      topicIds((await search(asker.client, { q: 'broyeur', solved })).body);

    expect(await solvedIds('true')).toEqual([]);
    await asker.client.api('PUT', `/topics/${q}/accepted`, { replyId: r1 });
    expect(await solvedIds('true')).toEqual([q]);
    expect(await solvedIds('false')).toEqual([]);
    // An edit of the title (which re-indexes the topic and its replies) keeps the fact.
    await asker.client.api('PATCH', `/topics/${q}`, { title: 'Où emprunter un broyeur ?' });
    const found = (await search(asker.client, { q: 'broyeur', solved: 'true' })).body;
    expect(found.results[0]).toMatchObject({ title: 'Où emprunter un broyeur ?', isSolved: true });
    expect(found.results[0]?.posts.map((p) => p.docKind)).toEqual(['topic', 'reply']);

    await admin.client.api('DELETE', `/topics/${q}/accepted`);
    expect(await solvedIds('true')).toEqual([]);
    expect(await solvedIds('false')).toEqual([q]);
    const r2 = await answer(helper.client, q, 'Un voisin a un broyeur.');
    await asker.client.api('PUT', `/topics/${q}/accepted`, { replyId: r2 });
    expect(await solvedIds('true')).toEqual([q]);
    // The accepted reply deleted, the question is open again.
    expect((await helper.client.api('DELETE', `/replies/${r2}`)).status).toBe(204);
    expect(await solvedIds('true')).toEqual([]);
    expect(await solvedIds('false')).toEqual([q]);
  });

  it('never shows nor counts a private group’s topic to an outsider, even asked by id', async () => {
    const outsider = await newMember(t, 'Octave Dehors');
    await join(outsider.client, community.id);
    const secret = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug: `bureau-${kind}`, name: 'Bureau restreint', visibility: 'private' },
    );
    const groupId = secret.body.group.id;
    const hidden = await post(admin.client, {
      title: 'Budget du zébu',
      body: 'Le zébu coûte cher.',
      groupId,
    });
    await answer(admin.client, hidden, 'Encore le zébu.');
    const open = await post(asker.client, { title: 'Un zébu au marché', body: 'Photo.' });

    for (const c of [outsider.client, new Client(t.url)]) {
      const all = await search(c, { q: 'zébu' });
      expect(all.body).toMatchObject({ total: 1, results: [{ topicId: open }] });
      expect((await search(c, { q: 'zébu', groupId })).body).toEqual({ total: 0, results: [] });
      expect((await search(c, { q: 'zébu', groupId, communityId: community.id })).body.total).toBe(
        0,
      );
      const page = await c.page(`/search?q=z%C3%A9bu&groupId=${groupId}`);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('Budget du');
      expect(page.html).not.toContain('Bureau restreint');
      expect(page.html).toContain('Aucun résultat pour « zébu ».');
    }
    const staff = await search(admin.client, { q: 'zébu', groupId });
    expect(staff.body).toMatchObject({ total: 1, results: [{ topicId: hidden, groupId }] });
    expect((await admin.client.page('/search')).html).toContain('Bureau restreint');
  });

  it('renders the page with labelled filters, marks and valid HTML, in French and English', async () => {
    await post(asker.client, {
      kind: 'question',
      title: 'Compost du jardin',
      body: 'Le compost ?',
    });
    const c = new Client(t.url);
    const page = await c.page('/search?q=compost&kind=question');
    expect(page.status).toBe(200);
    for (const [id, label] of [
      ['q', 'Rechercher dans les conversations'],
      ['search-communityId', 'Communauté'],
      ['search-groupId', 'Groupe'],
      ['search-kind', 'Type de conversation'],
      ['search-solved', 'Questions résolues'],
      ['search-from', 'Messages écrits depuis le'],
      ['search-to', 'Jusqu’au (inclus)'],
    ]) {
      expect(page.html).toContain(`<label for="${id}">${label}</label>`);
      expect(page.html).toContain(`id="${id}"`);
    }
    expect(page.html).toContain('<option value="question" selected>Questions</option>');
    expect(page.html).toContain('<mark>Compost</mark> du jardin');
    expect(page.html).toMatch(/1 conversation trouvée pour « compost »/);
    expect(await htmlProblems(page.html)).toEqual([]);

    await c.request('GET', '/lang/en?next=/');
    const english = await c.page('/search?q=compost&kind=question');
    expect(english.html).toContain('<label for="search-kind">Kind of conversation</label>');
    expect(english.html).toContain('1 conversation found for “compost”');
    expect(await htmlProblems(english.html)).toEqual([]);
  });

  it('answers a bad filter with a translated error; the page keeps what was typed', async () => {
    const api = await asker.client.api<{ error: { code: string; message: string } }>(
      'GET',
      '/search?q=v%C3%A9lo&from=2026-02-30',
    );
    expect(api.status).toBe(400);
    expect(api.body.error.code).toBe('invalid_input');
    expect(api.body.error.message).toBe(
      'La date « 2026-02-30 » n’existe pas : écrivez-la AAAA-MM-JJ, par exemple 2026-03-31.',
    );
    const reversed = await search(asker.client, {
      q: 'vélo',
      from: '2026-03-02',
      to: '2026-03-01',
    });
    expect(reversed.status).toBe(400);
    expect((await search(asker.client, { q: 'vélo', kind: 'poll' })).status).toBe(400);
    expect((await search(asker.client, { q: 'vélo', groupId: 'abc' })).status).toBe(400);

    const page = await asker.client.page('/search?q=v%C3%A9lo&kind=question&from=2026-02-30');
    expect(page.status).toBe(400);
    expect(page.html).toContain('La date « 2026-02-30 » n’existe pas');
    expect(page.html).toContain('value="vélo"');
    expect(page.html).toContain('value="2026-02-30"');
    expect(page.html).toContain('<option value="question" selected>Questions</option>');
    expect(page.html).toContain('aria-invalid="true"');
    expect(await htmlProblems(page.html)).toEqual([]);
  });

  it('fills in kind and solved state for topics indexed before migration 018', async () => {
    const q = await post(asker.client, {
      kind: 'question',
      title: 'Migration du pivert',
      body: 'Le pivert ?',
    });
    const r = await answer(helper.client, q, 'Le pivert revient.');
    await asker.client.api('PUT', `/topics/${q}/accepted`, { replyId: r });
    // As the table was before 018: then the migration runs on it.
    const db = t.store.db;
    await sql`alter table search_documents drop column topic_kind`.execute(db);
    await sql`alter table search_documents drop column is_solved`.execute(db);
    await addSearchFacts(db as unknown as Kysely<unknown>, t.store.dialect);

    const found = (await search(asker.client, { q: 'pivert', kind: 'question', solved: 'true' }))
      .body;
    expect(found.results.map((x) => [x.topicId, x.posts.length])).toEqual([[q, 2]]);
  });
});
