// Watch words (issue 24): the community's staff keep lists of words and phrases; a `block` list
// refuses a post with its message and writes nothing, `flag` and `hold` matches are recorded
// with the post for the moderation gate; lists of one community do not apply in another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type List = { id: number; name: string; action: string; entries: string[] };
type ErrorBody = { error: { code: string; message: string; field?: string } };

describe.each(databases)('watch words on %s', (kind) => {
  let t: TestApp;
  let community: { id: number; slug: string };
  let other: { id: number; slug: string };
  let camille: Member; // animator
  let mona: Member; // moderator
  let bob: Member; // member
  let topicId: number;

  const lists = (who: Member, communityId = community.id) =>
    who.client.api<{ lists: List[]; defaultMessages: { fr: string; en: string } }>(
      'GET',
      `/communities/${communityId}/watch-lists`,
    );
  const addList = (who: Member, body: Record<string, unknown>, lang = 'fr') =>
    who.client.api<{ list: List } & ErrorBody>(
      'POST',
      `/communities/${community.id}/watch-lists`,
      body,
      { 'accept-language': lang },
    );
  const watchLists = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('watch_lists')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const matches = () =>
    t.store.db
      .selectFrom('watch_word_matches')
      .select(['community_id', 'post_kind', 'post_id', 'entry', 'action', 'matched'])
      .orderBy('id')
      .execute();
  const post = (who: Member, body: string, title = 'Une question', lang = 'fr') =>
    who.client.api<{ topic: { id: number } } & ErrorBody>(
      'POST',
      `/communities/${community.id}/topics`,
      { title, body },
      { 'accept-language': lang },
    );
  const reply = (who: Member, body: string, lang = 'fr') =>
    who.client.api<{ reply: { id: number } } & ErrorBody>(
      'POST',
      `/topics/${topicId}/replies`,
      { body },
      { 'accept-language': lang },
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    const admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    other = await newCommunity(admin.client);
    camille = await newMember(t, 'Camille Martin');
    mona = await newMember(t, 'Mona Lefèvre');
    bob = await newMember(t, 'Bob Durand');
    for (const m of [camille, mona, bob]) {
      await join(m.client, community.id);
      await join(m.client, other.id);
    }
    await admin.client.api('PATCH', `/communities/${community.id}/members/${camille.id}`, {
      role: 'animator',
    });
    await admin.client.api('PATCH', `/communities/${community.id}/members/${mona.id}`, {
      role: 'moderator',
    });
    const first = await post(bob, 'Bonjour à tous.', 'Présentation');
    expect(first.status).toBe(201);
    topicId = first.body.topic.id;
  });
  afterAll(() => t.close());

  it('are kept by animators and moderators, and a 404 for members, by page and API', async () => {
    const home = await camille.client.page(`/c/${community.slug}`);
    expect(home.html).toContain(`/c/${community.slug}/watch-words`);
    expect((await bob.client.page(`/c/${community.slug}`)).html).not.toContain('/watch-words');

    const created = await addList(camille, {
      name: 'Notre nom',
      action: 'flag',
      entries: ['AFM', 'mise en demeure', 'arnaque', 'AFM'],
    });
    expect(created.status).toBe(201);
    // Repeated entries are kept once.
    expect(created.body.list).toMatchObject({
      name: 'Notre nom',
      action: 'flag',
      entries: ['AFM', 'mise en demeure', 'arnaque'],
    });
    const byMona = await addList(mona, { name: 'Brouillon', action: 'hold', entries: ['truc'] });
    expect(byMona.status).toBe(201);
    const renamed = await mona.client.api<{ list: List }>(
      'PUT',
      `/watch-lists/${byMona.body.list.id}`,
      { name: 'Retenus', action: 'hold', entries: ['arnaqu*'] },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.list).toMatchObject({ name: 'Retenus', entries: ['arnaqu*'] });
    const seen = await lists(camille);
    expect(seen.status).toBe(200);
    expect(seen.body.lists.map((l) => l.name)).toEqual(['Notre nom', 'Retenus']);
    expect(seen.body.defaultMessages.fr).toContain('{word}');

    // Bob is no staff: the lists do not exist for him, and he changes nothing.
    expect((await lists(bob)).status).toBe(404);
    expect((await addList(bob, { name: 'x', action: 'block', entries: ['afm'] })).status).toBe(404);
    const listId = created.body.list.id;
    expect(
      (
        await bob.client.api('PUT', `/watch-lists/${listId}`, {
          name: 'x',
          action: 'block',
          entries: ['x'],
        })
      ).status,
    ).toBe(404);
    expect((await bob.client.api('DELETE', `/watch-lists/${listId}`)).status).toBe(404);
    for (const path of ['', '/new', `/${listId}`, `/${listId}/delete`])
      expect((await bob.client.page(`/c/${community.slug}/watch-words${path}`)).status).toBe(404);
    // A list is not reached under another community's address.
    expect((await camille.client.page(`/c/${other.slug}/watch-words/${listId}`)).status).toBe(404);
    expect(await watchLists()).toBe(2);
    expect((await lists(camille)).body.lists[0]).toMatchObject({
      name: 'Notre nom',
      action: 'flag',
    });

    const page = await camille.client.page(`/c/${community.slug}/watch-words`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Notre nom');
    expect(page.html).toContain('mise en demeure');
    expect(await htmlProblems(page.html)).toEqual([]);
  });

  it('refuses an invalid entry, naming it, and saves nothing (API and page)', async () => {
    const before = (await lists(camille)).body.lists;
    for (const [entries, expected] of [
      [['escroc', 'ar*que'], '« ar*que »'],
      [['*'], '« * »'],
      [['ok', ' '], 'vide'],
      [[], 'vide'],
      [['x'.repeat(101)], 'trop longue'],
      [['c++'], '« + »'],
    ] as const) {
      const res = await addList(camille, { name: 'Insultes', action: 'block', entries });
      expect(res.status, JSON.stringify(entries)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.message).toContain(expected);
    }
    const english = await addList(
      camille,
      { name: 'Insults', action: 'block', entries: ['ar*que'] },
      'en',
    );
    expect(english.body.error.message).toContain('“ar*que” has a star inside a word');
    // An edit with a bad entry leaves the list as it was.
    const put = await camille.client.api<ErrorBody>('PUT', `/watch-lists/${before[0]?.id}`, {
      name: 'Notre nom',
      action: 'block',
      entries: ['afm', 'co*'],
    });
    expect(put.status).toBe(400);
    expect(put.body.error.message).toContain('« co* »');
    expect((await lists(camille)).body.lists).toEqual(before);

    const newPage = `/c/${community.slug}/watch-words/new`;
    const form = await camille.client.submit(newPage, newPage, {
      name: 'Insultes',
      action: 'block',
      entries: 'escroc\nar*que\n',
      messageFr: '',
      messageEn: '',
    });
    expect(form.status).toBe(400);
    expect(form.html).toContain('« ar*que »');
    expect(form.html).toContain('escroc\nar*que');
    expect(await htmlProblems(form.html)).toEqual([]);
    const badMessage = await camille.client.submit(newPage, newPage, {
      name: 'Insultes',
      action: 'block',
      entries: 'escroc',
      messageFr: 'Pas de {mot} ici',
    });
    expect(badMessage.status).toBe(400);
    expect(badMessage.html).toContain('{mot}');
    expect(badMessage.html).toContain('seule {word} peut être utilisée');
    expect(badMessage.html).toContain('Les mots trouvés y remplacent {word}.');
    expect(await watchLists()).toBe(2);
  });

  it('refuses a post matching a block list, with the list’s message, and writes nothing', async () => {
    const newPage = `/c/${community.slug}/watch-words/new`;
    const created = await camille.client.submit(newPage, newPage, {
      name: 'Insultes',
      action: 'block',
      entries: 'con\nescroc*\r\n\r\nbande de voleurs',
      messageFr: 'Ici, pas de « {word} » : reformulez, merci.',
      messageEn: '',
    });
    expect(created.status).toBe(303);
    expect(created.location).toBe(`/c/${community.slug}/watch-words`);
    const topics = await countRows(t, 'topics');
    const replies = await countRows(t, 'replies');

    const refused = await post(bob, 'Vous êtes des ESCROCS.');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_input',
      message: 'Ici, pas de « ESCROCS » : reformulez, merci.',
      field: 'body',
    });
    const inTitle = await post(bob, 'Rien.', 'Bande de  voleurs !');
    expect(inTitle.body.error).toMatchObject({ field: 'title' });
    // In English, the default message (the list has none of its own in English).
    const english = await reply(bob, 'What a con.', 'en');
    expect(english.status).toBe(400);
    expect(english.body.error.message).toBe(
      'Your post contains a term this community has chosen not to accept: “con”. Please rephrase it.',
    );
    // Staff are refused too: the community's words are everyone's.
    expect((await reply(camille, 'Quel con !')).status).toBe(400);

    // Without JavaScript, the forms come back with the message and the typed text.
    const compose = `/c/${community.slug}/new`;
    const form = await bob.client.submit(compose, compose, {
      kind: 'discussion',
      title: 'Mon avis',
      body: 'Une bande de voleurs, je le maintiens.',
    });
    expect(form.status).toBe(400);
    expect(form.html).toContain('Ici, pas de « bande de voleurs » : reformulez, merci.');
    expect(form.html).toContain('Une bande de voleurs, je le maintiens.');
    expect(await htmlProblems(form.html)).toEqual([]);
    const topicPage = `/c/${community.slug}/t/${topicId}`;
    const replyForm = await bob.client.submit(topicPage, `${topicPage}/replies`, {
      body: 'Escroquerie et escrocs !',
    });
    expect(replyForm.status).toBe(400);
    expect(replyForm.html).toContain('« escrocs »');
    expect(replyForm.html).toContain('Escroquerie et escrocs !');

    // Edits too: the topic keeps its text.
    const edit = await bob.client.api<ErrorBody>('PATCH', `/topics/${topicId}`, {
      body: 'Bonjour, bande de voleurs.',
    });
    expect(edit.status).toBe(400);
    const editPage = `/c/${community.slug}/t/${topicId}/edit`;
    const editForm = await bob.client.submit(editPage, editPage, {
      title: 'Présentation',
      body: 'Salut les escrocs',
    });
    expect(editForm.status).toBe(400);
    expect(editForm.html).toContain('Salut les escrocs');
    const kept = await t.store.db
      .selectFrom('topics')
      .select('body')
      .where('id', '=', topicId)
      .executeTakeFirstOrThrow();
    expect(kept.body).toBe('Bonjour à tous.');

    expect(await countRows(t, 'topics')).toBe(topics);
    expect(await countRows(t, 'replies')).toBe(replies);
    expect(await matches()).toEqual([]);

    // Whole words: « conseil » is no « con ».
    expect((await reply(bob, 'Merci pour ce conseil.')).status).toBe(201);
  });

  it('records flag and hold matches with the post, folded and as written', async () => {
    const flagged = await post(
      bob,
      'On parle d’une Arnaque et d’une MISE en demeure.',
      "L'afm répond",
    );
    expect(flagged.status).toBe(201);
    const held = await reply(bob, 'C’est ARNAQUÉ !');
    expect(held.status).toBe(201);
    const rows = (await matches()).map((r) => ({
      ...r,
      community_id: Number(r.community_id),
      post_id: Number(r.post_id),
    }));
    expect(rows).toEqual([
      {
        community_id: community.id,
        post_kind: 'topic',
        post_id: flagged.body.topic.id,
        entry: 'AFM',
        action: 'flag',
        matched: 'afm',
      },
      {
        community_id: community.id,
        post_kind: 'topic',
        post_id: flagged.body.topic.id,
        entry: 'arnaque',
        action: 'flag',
        matched: 'Arnaque',
      },
      {
        community_id: community.id,
        post_kind: 'topic',
        post_id: flagged.body.topic.id,
        entry: 'arnaqu*',
        action: 'hold',
        matched: 'Arnaque',
      },
      {
        community_id: community.id,
        post_kind: 'topic',
        post_id: flagged.body.topic.id,
        entry: 'mise en demeure',
        action: 'flag',
        matched: 'MISE en demeure',
      },
      // « ARNAQUÉ » is also « arnaque » once folded: both lists match.
      {
        community_id: community.id,
        post_kind: 'reply',
        post_id: held.body.reply.id,
        entry: 'arnaque',
        action: 'flag',
        matched: 'ARNAQUÉ',
      },
      {
        community_id: community.id,
        post_kind: 'reply',
        post_id: held.body.reply.id,
        entry: 'arnaqu*',
        action: 'hold',
        matched: 'ARNAQUÉ',
      },
    ]);
  });

  it('applies a community’s lists there only, and a change at once', async () => {
    const elsewhere = await bob.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${other.id}/topics`,
      { title: 'Ailleurs', body: 'Des escrocs et une arnaque, ici aussi.' },
    );
    expect(elsewhere.status).toBe(201);
    const before = (await matches()).length;
    expect((await matches()).filter((m) => Number(m.community_id) === other.id)).toEqual([]);
    expect(before).toBeGreaterThan(0);

    const insults = (await lists(camille)).body.lists.find((l) => l.name === 'Insultes');
    expect((await reply(bob, 'Quel filou !')).status).toBe(201);
    const changed = await camille.client.api('PUT', `/watch-lists/${insults?.id}`, {
      name: 'Insultes',
      action: 'block',
      entries: ['filou'],
    });
    expect(changed.status).toBe(200);
    expect((await reply(bob, 'Quel filou !')).status).toBe(400);
    expect((await reply(bob, 'Des escrocs')).status).toBe(201);

    const deletePage = `/c/${community.slug}/watch-words/${insults?.id}/delete`;
    expect((await camille.client.page(deletePage)).html).toContain('Insultes');
    const deleted = await camille.client.submit(deletePage, deletePage, {});
    expect(deleted.status).toBe(303);
    expect((await reply(bob, 'Quel filou !')).status).toBe(201);
    expect((await lists(camille)).body.lists.map((l) => l.name)).toEqual(['Notre nom', 'Retenus']);
    expect((await camille.client.api('DELETE', `/watch-lists/${insults?.id}`)).status).toBe(404);
  });
});
