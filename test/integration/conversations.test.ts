import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../client.js';
import { countRows, join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

type Topic = {
  topic: {
    id: number;
    acceptedReplyId: number | null;
    bodyHtml: string;
    reactions: { counts: Record<string, number> };
  };
};

describe.each(databases)('conversations on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let asker: Awaited<ReturnType<typeof newMember>>;
  let helper: Awaited<ReturnType<typeof newMember>>;

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

  const ask = (
    c: Client,
    title = 'Comment organiser une collecte ?',
    body = 'Nous **débutons**.',
  ) =>
    c.api<Topic>('POST', `/communities/${community.id}/topics`, { kind: 'question', title, body });

  it('asks, answers, accepts — and only the asker or an animator may accept', async () => {
    const q = (await ask(asker.client)).body.topic.id;
    const answer = await helper.client.api<{ reply: { id: number } }>(
      'POST',
      `/topics/${q}/replies`,
      { body: 'Commencez petit.' },
    );
    expect(answer.status).toBe(201);
    const replyId = answer.body.reply.id;
    const stranger = await newMember(t);
    await join(stranger.client, community.id);
    expect((await stranger.client.api('PUT', `/topics/${q}/accepted`, { replyId })).status).toBe(
      403,
    );
    expect((await asker.client.api('PUT', `/topics/${q}/accepted`, { replyId })).status).toBe(204);
    const view = await new Client(t.url).api<Topic & { replies: { id: number }[] }>(
      'GET',
      `/topics/${q}`,
    );
    expect(view.body.topic.acceptedReplyId).toBe(replyId);
    expect((await admin.client.api('DELETE', `/topics/${q}/accepted`)).status).toBe(204);
    const page = await asker.client.submit(
      `/c/${community.slug}/t/${q}`,
      `/c/${community.slug}/t/${q}/accept`,
      { replyId: String(replyId) },
    );
    expect(page.status).toBe(303);
    const topicPage = await asker.client.page(`/c/${community.slug}/t/${q}`);
    expect(topicPage.html).toContain('Réponse acceptée');
    // The author's page, with its reactions, accept and edit/delete forms, is valid markup: no
    // form inside a paragraph, which the browser would split.
    expect(topicPage.html).toContain('class="post-actions"');
    expect(await htmlProblems(topicPage.html)).toEqual([]);
    // Search engines and link previews show the question's first words, without markup.
    expect(topicPage.html).toContain('<meta name="description" content="Nous débutons."/>');
  });

  it('says "Merci" with a reaction, once per member, and withdraws it', async () => {
    const q = (await ask(asker.client, 'Merci pour vos retours')).body.topic.id;
    for (let i = 0; i < 2; i++)
      expect((await helper.client.api('PUT', `/topics/${q}/reactions/merci`)).status).toBe(204);
    let view = await helper.client.api<Topic>('GET', `/topics/${q}`);
    expect(view.body.topic.reactions.counts).toEqual({ merci: 1 });
    const outsider = await newMember(t);
    expect((await outsider.client.api('PUT', `/topics/${q}/reactions/merci`)).status).toBe(403);
    expect((await helper.client.api('PUT', `/topics/${q}/reactions/hug`)).status).toBe(400);
    await helper.client.api('DELETE', `/topics/${q}/reactions/merci`);
    view = await helper.client.api<Topic>('GET', `/topics/${q}`);
    expect(view.body.topic.reactions.counts).toEqual({});
    const form = await helper.client.submit(
      `/c/${community.slug}/t/${q}`,
      `/c/${community.slug}/react`,
      { target: 'topic', id: String(q), kind: 'merci', on: '1' },
    );
    expect(form.status).toBe(303);
    expect((await helper.client.page(`/c/${community.slug}/t/${q}`)).html).toContain('Merci (1)');
  });

  it('keeps the history of edits, lets authors and moderators delete, and nobody else', async () => {
    const q = (await ask(asker.client, 'Titre d’origine', 'Corps d’origine')).body.topic.id;
    expect((await helper.client.api('PATCH', `/topics/${q}`, { title: 'Piraté' })).status).toBe(
      403,
    );
    expect(
      (
        await asker.client.api('PATCH', `/topics/${q}`, {
          title: 'Titre corrigé',
          body: 'Corps corrigé',
        })
      ).status,
    ).toBe(200);
    // What the author took back is for the author and the community's staff, not every reader.
    type Revisions = { revisions: { title: string; body: string }[] };
    for (const c of [asker.client, admin.client]) {
      const revisions = await c.api<Revisions>('GET', `/topics/${q}/revisions`);
      expect(revisions.body.revisions).toEqual([
        expect.objectContaining({ title: 'Titre d’origine', body: 'Corps d’origine' }),
      ]);
    }
    for (const c of [helper.client, new Client(t.url)]) {
      const hidden = await c.api<{ error: { code: string } }>('GET', `/topics/${q}/revisions`);
      expect([hidden.status, hidden.body.error.code]).toEqual([404, 'not_found']);
    }
    const r = (
      await helper.client.api<{ reply: { id: number } }>('POST', `/topics/${q}/replies`, {
        body: 'Première version',
      })
    ).body.reply.id;
    expect(
      (await helper.client.api('PATCH', `/replies/${r}`, { body: 'Deuxième version' })).status,
    ).toBe(204);
    const replyRevisions = `/replies/${r}/revisions`;
    expect((await helper.client.api<Revisions>('GET', replyRevisions)).body.revisions).toEqual([
      expect.objectContaining({ body: 'Première version' }),
    ]);
    expect((await asker.client.api('GET', replyRevisions)).status).toBe(404);
    expect((await new Client(t.url).api('GET', replyRevisions)).status).toBe(404);
    expect((await asker.client.api('DELETE', `/replies/${r}`)).status).toBe(403);
    expect((await helper.client.api('DELETE', `/replies/${r}`)).status).toBe(204);
    expect((await admin.client.api('DELETE', `/topics/${q}`)).status).toBe(204);
    expect((await asker.client.api('GET', `/topics/${q}`)).status).toBe(404);
  });

  it('finds a topic’s replies under its new title, not the old one', async () => {
    const q = (await ask(asker.client, 'Atelier tricot', 'Qui vient ?')).body.topic.id;
    await helper.client.api('POST', `/topics/${q}/replies`, {
      body: 'Je viens avec des aiguilles.',
    });
    await asker.client.api('PATCH', `/topics/${q}`, { title: 'Atelier crochet' });
    type Found = { results: { title: string; posts: { docKind: string }[] }[] };
    const search = async (words: string) =>
      (await asker.client.api<Found>('GET', `/search?q=${encodeURIComponent(words)}`)).body.results;
    expect(await search('tricot aiguilles')).toEqual([]);
    expect(await search('crochet aiguilles')).toEqual([
      expect.objectContaining({
        title: 'Atelier crochet',
        posts: [expect.objectContaining({ docKind: 'reply' })],
      }),
    ]);
  });

  it('puts a topic whose only new reply was deleted back where its last visible post was', async () => {
    const c = await newCommunity(admin.client);
    await join(asker.client, c.id);
    await join(helper.client, c.id);
    const open = (title: string) =>
      asker.client.api<Topic>('POST', `/communities/${c.id}/topics`, { title, body: 'Bonjour.' });
    const list = async () =>
      (
        await asker.client.api<{ topics: { id: number; lastActivityAt: string }[] }>(
          'GET',
          `/communities/${c.id}/topics`,
        )
      ).body.topics;
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    const older = (await open('Le plus ancien')).body.topic.id;
    await tick();
    const kept = (
      await helper.client.api<{ reply: { id: number } }>('POST', `/topics/${older}/replies`, {
        body: 'Une réponse qui reste.',
      })
    ).body.reply.id;
    await tick();
    const newer = (await open('Le plus récent')).body.topic.id;
    await tick();
    const gone = (
      await helper.client.api<{ reply: { id: number } }>('POST', `/topics/${older}/replies`, {
        body: 'Une réponse bientôt supprimée.',
      })
    ).body.reply.id;
    expect((await list()).map((x) => x.id)).toEqual([older, newer]);

    expect((await admin.client.api('DELETE', `/replies/${gone}`)).status).toBe(204);
    const after = await list();
    expect(after.map((x) => x.id)).toEqual([newer, older]);
    const keptAt = await t.store.db
      .selectFrom('replies')
      .select('created_at')
      .where('id', '=', kept)
      .executeTakeFirstOrThrow();
    expect(after[1]?.lastActivityAt).toBe(new Date(Number(keptAt.created_at)).toISOString());

    // With no reply left, the topic's own time.
    expect((await helper.client.api('DELETE', `/replies/${kept}`)).status).toBe(204);
    const topicAt = await t.store.db
      .selectFrom('topics')
      .select(['created_at', 'last_activity_at'])
      .where('id', '=', older)
      .executeTakeFirstOrThrow();
    expect(Number(topicAt.last_activity_at)).toBe(Number(topicAt.created_at));
  });

  it('asks before deleting, keeps the reason given, and refuses a reason too long', async () => {
    const q = (await ask(asker.client, 'Une question à modérer')).body.topic.id;
    const reply = async (body: string) =>
      (
        await helper.client.api<{ reply: { id: number } }>('POST', `/topics/${q}/replies`, {
          body,
        })
      ).body.reply.id;
    const reasonOf = async (id: number) =>
      (
        await t.store.db
          .selectFrom('replies')
          .select(['deleted_at', 'deletion_reason'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).deletion_reason;
    const first = await reply('Publicité hors sujet.');
    const second = await reply('Une autre publicité.');
    const topicPath = `/c/${community.slug}/t/${q}`;
    // The topic page links to a confirmation; opening it deletes nothing.
    const page = await admin.client.page(topicPath);
    expect(page.html).toContain(`href="/c/${community.slug}/r/${first}/delete"`);
    const confirm = await admin.client.page(`/c/${community.slug}/r/${first}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Publicité hors sujet.');
    expect(confirm.html).toContain('name="reason"');
    expect(await htmlProblems(confirm.html)).toEqual([]);
    expect(await reasonOf(first)).toBeNull();
    expect((await asker.client.page(`/c/${community.slug}/r/${first}/delete`)).status).toBe(404);

    // A reason past 500 characters: the page again, with what was typed, and nothing deleted.
    const tooLong = 'x'.repeat(501);
    const refused = await admin.client.submit(
      `/c/${community.slug}/r/${first}/delete`,
      `/c/${community.slug}/r/${first}/delete`,
      { reason: tooLong },
    );
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(tooLong);
    const stillThere = await t.store.db
      .selectFrom('replies')
      .select('deleted_at')
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(stillThere.deleted_at).toBeNull();

    const done = await admin.client.submit(
      `/c/${community.slug}/r/${first}/delete`,
      `/c/${community.slug}/r/${first}/delete`,
      { reason: '  Publicité, contraire à la charte.  ' },
    );
    expect(done.status).toBe(303);
    expect(done.location).toBe(topicPath);
    expect(await reasonOf(first)).toBe('Publicité, contraire à la charte.');

    // Through the API, with or without a reason.
    const tooLongApi = await admin.client.api('DELETE', `/replies/${second}`, { reason: tooLong });
    expect(tooLongApi.status).toBe(400);
    expect(
      (await admin.client.api('DELETE', `/replies/${second}`, { reason: 'Doublon.' })).status,
    ).toBe(204);
    expect(await reasonOf(second)).toBe('Doublon.');
    expect((await asker.client.api('DELETE', `/topics/${q}`)).status).toBe(204);
    const topic = await t.store.db
      .selectFrom('topics')
      .select('deletion_reason')
      .where('id', '=', q)
      .executeTakeFirstOrThrow();
    expect(topic.deletion_reason).toBeNull();
  });

  it('renders Markdown safely and links @mentions to profiles', async () => {
    const body = `Salut @${helper.handle} <script>alert(1)</script> [x](javascript:alert(1)) *ok*`;
    const q = (await ask(asker.client, 'Markdown et mentions', body)).body.topic.id;
    const page = await asker.client.page(`/c/${community.slug}/t/${q}`);
    expect(page.html).toContain(`<a class="mention" href="/u/${helper.handle}"`);
    expect(page.html).toContain('<em>ok</em>');
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).not.toMatch(/href="javascript:/);
  });

  it('finds topics and replies in French and English with stemming', async () => {
    await ask(
      asker.client,
      'Les bénévoles organisent des événements',
      'Rencontres mensuelles à Lyon.',
    );
    const q = (await ask(asker.client, 'Volunteers wanted', 'We are organizing workshops.')).body
      .topic.id;
    await helper.client.api('POST', `/topics/${q}/replies`, {
      body: 'Je propose des ateliers numériques.',
    });
    const search = (s: string) =>
      new Client(t.url).api<{
        total: number;
        results: { title: string; posts: { docKind: string }[] }[];
      }>('GET', `/search?q=${encodeURIComponent(s)}`);
    expect((await search('bénévole événement')).body.results.map((h) => h.title)).toContain(
      'Les bénévoles organisent des événements',
    );
    expect((await search('volunteer organize')).body.results.map((h) => h.title)).toContain(
      'Volunteers wanted',
    );
    expect((await search('atelier numérique')).body.results[0]).toMatchObject({
      title: 'Volunteers wanted',
      posts: [{ docKind: 'reply' }],
    });
    const page = await new Client(t.url).page('/search?q=evenements');
    expect(page.html).toContain('Les bénévoles organisent des <mark>événements</mark>');
  });

  it('never shows a private community’s topics to a non-member: page, API, search', async () => {
    const secret = await newCommunity(admin.client, 'private');
    const q = (
      await admin.client.api<Topic>('POST', `/communities/${secret.id}/topics`, {
        title: 'Budget confidentiel zébu',
        body: 'Chiffres internes',
      })
    ).body.topic.id;
    const outsider = await newMember(t);
    const anon = new Client(t.url);
    for (const c of [outsider.client, anon]) {
      expect((await c.page(`/c/${secret.slug}/t/${q}`)).status).toBe(404);
      expect((await c.api('GET', `/topics/${q}`)).status).toBe(404);
      expect((await c.api<{ total: number }>('GET', '/search?q=zébu')).body.total).toBe(0);
      expect((await c.page(`/c/${secret.slug}`)).html).not.toContain('zébu');
    }
    expect((await admin.client.api<{ total: number }>('GET', '/search?q=zébu')).body.total).toBe(1);
  });

  it('refuses a denied write and leaves the database unchanged', async () => {
    const q = (await ask(asker.client, 'Sujet protégé')).body.topic.id;
    const outsider = await newMember(t);
    const before = await Promise.all([
      countRows(t, 'topics'),
      countRows(t, 'replies'),
      countRows(t, 'activity_log'),
    ]);
    expect(
      (await outsider.client.api('POST', `/topics/${q}/replies`, { body: 'intrusion' })).status,
    ).toBe(403);
    expect(
      (
        await outsider.client.api('POST', `/communities/${community.id}/topics`, {
          title: 'Intrusion',
          body: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (await new Client(t.url).api('POST', `/topics/${q}/replies`, { body: 'anonyme' })).status,
    ).toBe(401);
    expect(
      await Promise.all([
        countRows(t, 'topics'),
        countRows(t, 'replies'),
        countRows(t, 'activity_log'),
      ]),
    ).toEqual(before);
  });

  it('answers every bad input with a translated 4xx error and writes nothing', async () => {
    const before = await Promise.all([countRows(t, 'topics'), countRows(t, 'activity_log')]);
    const c = asker.client;
    const cases: [string, Promise<{ status: number; body: unknown }>][] = [
      [
        'empty title',
        c.api('POST', `/communities/${community.id}/topics`, { title: '', body: 'x' }),
      ],
      [
        'wrong types',
        c.api('POST', `/communities/${community.id}/topics`, { title: 42, body: ['x'] }),
      ],
      [
        'unknown kind',
        c.api('POST', `/communities/${community.id}/topics`, {
          kind: 'poll',
          title: 'Titre',
          body: 'x',
        }),
      ],
      [
        'unknown community',
        c.api('POST', '/communities/999999/topics', { title: 'Titre', body: 'x' }),
      ],
      ['bad id', c.api('GET', '/topics/abc')],
      [
        '1 MB body',
        c.api('POST', `/communities/${community.id}/topics`, {
          title: 'Énorme',
          body: 'x'.repeat(1024 * 1024),
        }),
      ],
    ];
    for (const [name, pending] of cases) {
      const res = await pending;
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      const { error } = res.body as { error?: { code?: unknown; message?: unknown } };
      expect(typeof error?.code, name).toBe('string');
      expect(typeof error?.message, name).toBe('string');
    }
    const malformed = await c.request('POST', `/api/v1/communities/${community.id}/topics`, {
      body: '{"title": "oops",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: 'malformed_request', message: 'La requête est mal formée.' },
    });
    const empty = await c.api(
      'POST',
      `/communities/${community.id}/topics`,
      { title: '  ', body: 'x' },
      { 'accept-language': 'en' },
    );
    expect(empty.body).toEqual({
      error: {
        code: 'invalid_input',
        message: 'The field “Title” is too short (minimum 3 characters).',
        field: 'title',
      },
    });
    const form = await c.submit(`/c/${community.slug}/new`, `/c/${community.slug}/new`, {
      kind: 'discussion',
      title: '',
      body: 'x',
    });
    expect(form.status).toBe(400);
    expect(form.html).toContain('Le champ « Titre » est trop court (minimum 3 caractères).');
    expect(await Promise.all([countRows(t, 'topics'), countRows(t, 'activity_log')])).toEqual(
      before,
    );
  });

  it('writes one activity row per action, in the community and group it happened in', async () => {
    const last = await t.store.db
      .selectFrom('activity_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const q = (await ask(helper.client, 'Activité mesurée')).body.topic.id;
    const r = (
      await asker.client.api<{ reply: { id: number } }>('POST', `/topics/${q}/replies`, {
        body: 'Réponse',
      })
    ).body.reply.id;
    await helper.client.api('PUT', `/replies/${r}/reactions/merci`);
    await helper.client.api('PUT', `/topics/${q}/accepted`, { replyId: r });
    const rows = await t.store.db
      .selectFrom('activity_log')
      .select(['kind', 'actor_id', 'community_id', 'target_id'])
      .where('id', '>', Number(last.id))
      .orderBy('id')
      .execute();
    expect(rows.map((x) => x.kind)).toEqual([
      'topic.created',
      'reply.created',
      'reaction.added',
      'answer.accepted',
    ]);
    expect(rows.every((x) => x.community_id === community.id)).toBe(true);
    expect(rows[1]).toMatchObject({ actor_id: asker.id, target_id: r });
    await asker.client.page(`/c/${community.slug}/t/${q}`);
    await new Client(t.url).page(`/c/${community.slug}/t/${q}`);
    const visits = await t.store.db
      .selectFrom('activity_log')
      .select(['actor_id'])
      .where('kind', '=', 'content.viewed')
      .where('target_id', '=', q)
      .execute();
    expect(visits).toEqual([{ actor_id: asker.id }]);
  });
});
