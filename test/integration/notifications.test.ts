import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../client.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
interface Note {
  id: number;
  kind: string;
  read: boolean;
  text: string;
  href: string;
  actor: { handle: string; displayName: string } | null;
  others: number;
  communityId: number | null;
  groupId: number | null;
  topicId: number | null;
  replyId: number | null;
}

describe.each(databases)('notifications on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let julie: Member;
  let bob: Member;
  let carol: Member;
  let dave: Member;
  let eve: Member;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    julie = await newMember(t, 'Julie Martin');
    bob = await newMember(t, 'Bob Durand');
    carol = await newMember(t, 'Carol Petit');
    dave = await newMember(t, 'Abdoulaye Diallo');
    eve = await newMember(t, 'Ève Laurent');
    for (const m of [julie, bob, carol, dave, eve]) await join(m.client, community.id);
  });
  afterAll(() => t.close());

  const notes = async (m: Member | Client, locale: 'fr' | 'en' = 'fr') => {
    await caughtUp(t);
    const client = 'client' in m ? m.client : m;
    const res = await client.api<{ notifications: Note[]; unread: number }>(
      'GET',
      '/notifications?limit=100',
      undefined,
      { 'accept-language': locale },
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const about = async (m: Member, topicId: number) =>
    (await notes(m)).notifications.filter((n) => n.topicId === topicId);

  const ask = async (
    m: Member,
    title: string,
    body = 'Des idées ?',
    extra: { kind?: string; groupId?: number; communityId?: number } = {},
  ) => {
    const res = await m.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${extra.communityId ?? community.id}/topics`,
      { kind: extra.kind ?? 'question', title, body, groupId: extra.groupId ?? null },
    );
    expect(res.status).toBe(201);
    return res.body.topic.id;
  };
  const answer = async (m: Member, topicId: number, body: string, parentReplyId?: number) => {
    const res = await m.client.api<{ reply: { id: number } }>(
      'POST',
      `/topics/${topicId}/replies`,
      {
        body,
        parentReplyId: parentReplyId ?? null,
      },
    );
    expect(res.status).toBe(201);
    return res.body.reply.id;
  };
  const newGroup = async (visibility: 'public' | 'private' | 'invite_only', slug: string) => {
    const res = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug, name: `Groupe ${slug}`, visibility },
    );
    expect(res.status).toBe(201);
    return res.body.group.id;
  };

  it('tells the asker of a reply, in words a person would write, in French and English', async () => {
    const q = await ask(bob, 'Comment organiser une collecte ?');
    const r = await answer(julie, q, 'Commencez petit.');
    const [note, ...more] = await about(bob, q);
    expect(more).toEqual([]);
    expect(note).toMatchObject({
      kind: 'topic_reply',
      read: false,
      text: 'Julie Martin a répondu à votre question « Comment organiser une collecte ? »',
      href: `/c/${community.slug}/t/${q}#reply-${r}`,
      actor: { handle: julie.handle, displayName: 'Julie Martin' },
      replyId: r,
    });
    const en = (await notes(bob, 'en')).notifications.find((n) => n.id === note?.id);
    expect(en?.text).toBe('Julie Martin answered your question “Comment organiser une collecte ?”');
    // The author of the reply is told nothing of her own action.
    expect(await about(julie, q)).toEqual([]);
  });

  it('tells the author of a reply that someone answered it, and the topic’s watchers', async () => {
    const q = await ask(bob, 'Quel local pour la fête ?', 'Une idée ?', { kind: 'discussion' });
    const r1 = await answer(julie, q, 'La salle des fêtes.');
    await answer(carol, q, 'Elle est prise en juin.', r1);
    const toJulie = await about(julie, q);
    expect(toJulie.map((n) => [n.kind, n.text])).toEqual([
      ['reply_reply', 'Carol Petit a répondu à votre message dans « Quel local pour la fête ? »'],
    ]);
    // Bob watches the topic he started: each new post reaches him.
    expect((await about(bob, q)).map((n) => [n.kind, n.text])).toEqual([
      ['watched_reply', 'Carol Petit a répondu dans « Quel local pour la fête ? »'],
      ['topic_reply', 'Julie Martin a répondu à votre discussion « Quel local pour la fête ? »'],
    ]);
  });

  it('tells a member mentioned in a topic or a reply, once per post, and never the author', async () => {
    const q = await ask(bob, 'Qui connaît la mairie ?', `@${carol.handle} tu y es allée ?`);
    await answer(dave, q, `Je crois que @${carol.handle} et @${dave.handle} y sont allés.`);
    const toCarol = await about(carol, q);
    expect(toCarol.map((n) => [n.kind, n.text])).toEqual([
      ['mention', 'Abdoulaye Diallo vous a mentionné·e dans « Qui connaît la mairie ? »'],
      ['mention', 'Bob Durand vous a mentionné·e dans « Qui connaît la mairie ? »'],
    ]);
    expect(await about(dave, q)).toEqual([]);
    // A mention added by an edit notifies; the ones already there do not again.
    const edit = await bob.client.api('PATCH', `/topics/${q}`, {
      body: `@${carol.handle} tu y es allée ? Et toi @${eve.handle} ?`,
    });
    expect(edit.status).toBe(200);
    expect((await about(eve, q)).map((n) => n.kind)).toEqual(['mention']);
    expect(await about(carol, q)).toHaveLength(2);
  });

  it('groups the "Merci" of a post in one notification that names the latest', async () => {
    const q = await ask(bob, 'Merci pour la collecte', 'Bilan : 300 kg.', { kind: 'discussion' });
    for (const m of [carol, dave, eve, julie])
      expect((await m.client.api('PUT', `/topics/${q}/reactions/merci`)).status).toBe(204);
    // Other reactions notify nobody.
    await carol.client.api('PUT', `/topics/${q}/reactions/like`);
    let list = await about(bob, q);
    expect(list.map((n) => [n.kind, n.text, n.others])).toEqual([
      [
        'thanks',
        'Julie Martin et 3 autres personnes vous ont remercié·e pour « Merci pour la collecte »',
        3,
      ],
    ]);
    expect((await julie.client.api('DELETE', `/topics/${q}/reactions/merci`)).status).toBe(204);
    list = await about(bob, q);
    expect(list.map((n) => n.text)).toEqual([
      'Ève Laurent et 2 autres personnes vous ont remercié·e pour « Merci pour la collecte »',
    ]);
    const r = await answer(julie, q, 'Bravo à tous.');
    await bob.client.api('PUT', `/replies/${r}/reactions/merci`);
    await carol.client.api('PUT', `/replies/${r}/reactions/merci`);
    const onReply = (await about(julie, q)).filter((n) => n.kind === 'thanks');
    expect(onReply.map((n) => n.text)).toEqual([
      'Carol Petit et une autre personne vous ont remercié·e pour votre réponse dans « Merci pour la collecte »',
    ]);
    expect(
      (await notes(julie, 'en')).notifications.find((n) => n.id === onReply[0]?.id)?.text,
    ).toBe(
      'Carol Petit and one other person thanked you for your reply in “Merci pour la collecte”',
    );
  });

  it('tells the author of an accepted answer, and forgets it when the acceptance is withdrawn', async () => {
    const q = await ask(bob, 'Où trouver des gilets ?');
    const r = await answer(carol, q, 'Au local.');
    expect((await bob.client.api('PUT', `/topics/${q}/accepted`, { replyId: r })).status).toBe(204);
    const accepted = (await about(carol, q)).filter((n) => n.kind === 'answer_accepted');
    expect(accepted.map((n) => n.text)).toEqual([
      'Bob Durand a accepté votre réponse à la question « Où trouver des gilets ? »',
    ]);
    expect((await bob.client.api('DELETE', `/topics/${q}/accepted`)).status).toBe(204);
    expect((await about(carol, q)).filter((n) => n.kind === 'answer_accepted')).toEqual([]);
  });

  it('tells a member that their request is approved, or that an animator invites them', async () => {
    const closed = await newCommunity(admin.client, 'private');
    const asking = await newMember(t, 'Hélène Roux');
    expect((await join(asking.client, closed.id)).body.status).toBe('pending');
    expect(
      (
        await admin.client.api('PATCH', `/communities/${closed.id}/members/${asking.id}`, {
          approve: true,
        })
      ).status,
    ).toBe(204);
    const invited = await newMember(t, 'Yves Morel');
    const inviting = await admin.client.api('POST', `/communities/${closed.id}/invitations`, {
      handle: invited.handle,
    });
    expect(inviting.status).toBe(201);
    expect((await notes(asking)).notifications.map((n) => [n.kind, n.text, n.href])).toEqual([
      [
        'request_approved',
        `Votre demande pour rejoindre « Communauté ${closed.slug} » est acceptée : bienvenue !`,
        `/c/${closed.slug}`,
      ],
    ]);
    expect((await notes(invited)).notifications.map((n) => [n.kind, n.text])).toEqual([
      ['invited', `Camille Admin vous invite à rejoindre « Communauté ${closed.slug} »`],
    ]);
    // A group's request too.
    const g = await newGroup('private', 'jardin');
    expect((await carol.client.api('POST', `/groups/${g}/join`)).status).toBe(200);
    expect(
      (await admin.client.api('POST', `/groups/${g}/members/${carol.id}/approve`)).status,
    ).toBeLessThan(300);
    const approved = (await notes(carol)).notifications.filter((n) => n.groupId === g);
    expect(approved.map((n) => [n.kind, n.text])).toEqual([
      [
        'request_approved',
        'Votre demande pour rejoindre le groupe « Groupe jardin » est acceptée : bienvenue !',
      ],
    ]);
  });

  it('follows watching levels: a watched group tells of new topics and replies, normal and muted do not', async () => {
    const g = await newGroup('public', 'velo');
    const watch = (m: Member, level: string) =>
      m.client.api<{ level: string; via: string }>('PUT', `/groups/${g}/watching`, { level });
    expect((await watch(julie, 'watching')).body).toEqual({ level: 'watching', via: 'group' });
    expect((await watch(dave, 'normal')).status).toBe(200);
    expect((await watch(eve, 'muted')).status).toBe(200);
    const q = await ask(bob, 'Sortie dimanche', 'Qui vient ?', { kind: 'discussion', groupId: g });
    await answer(carol, q, `Moi ! @${eve.handle} aussi ?`);
    expect((await about(julie, q)).map((n) => [n.kind, n.text])).toEqual([
      ['watched_reply', 'Carol Petit a répondu dans « Sortie dimanche »'],
      ['watched_topic', 'Nouvelle discussion de Bob Durand dans Groupe velo : « Sortie dimanche »'],
    ]);
    expect(await about(dave, q)).toEqual([]);
    // Muted: nothing from the group, not even a mention.
    expect(await about(eve, q)).toEqual([]);
    // A topic's own level wins over its group's.
    const topicLevel = await eve.client.api('PUT', `/topics/${q}/watching`, { level: 'watching' });
    expect(topicLevel.body).toEqual({ level: 'watching', via: 'topic' });
    expect((await julie.client.api('GET', `/topics/${q}/watching`)).body).toEqual({
      level: 'watching',
      via: 'group',
    });
    await answer(dave, q, 'Je viendrai aussi.');
    expect((await about(eve, q)).map((n) => n.kind)).toEqual(['watched_reply']);
    // Replying watched the topic for Carol: the replies after hers reach her.
    expect((await about(carol, q)).map((n) => n.kind)).toEqual(['watched_reply']);
    expect((await carol.client.api('GET', `/topics/${q}/watching`)).body).toEqual({
      level: 'watching',
      via: 'topic',
    });
  });

  it('writes French as a person does: "d’Abdoulaye", not "de Abdoulaye"', async () => {
    const g = await newGroup('public', 'entraide');
    await julie.client.api('PUT', `/groups/${g}/watching`, { level: 'watching' });
    const q = await ask(dave, 'Qui prête une remorque ?', 'Pour samedi.', { groupId: g });
    expect((await about(julie, q)).map((n) => n.text)).toEqual([
      'Nouvelle question d’Abdoulaye Diallo dans Groupe entraide : « Qui prête une remorque ? »',
    ]);
    expect((await notes(julie, 'en')).notifications.find((n) => n.topicId === q)?.text).toBe(
      'New question by Abdoulaye Diallo in Groupe entraide: “Qui prête une remorque ?”',
    );
  });

  it('mutes a topic: no reply, mention or thanks from it reaches the member any more', async () => {
    const q = await ask(bob, 'Sujet à taire', 'Rien.', { kind: 'discussion' });
    expect((await bob.client.api('PUT', `/topics/${q}/watching`, { level: 'muted' })).status).toBe(
      200,
    );
    await answer(julie, q, `Réponse pour @${bob.handle}.`);
    await julie.client.api('PUT', `/topics/${q}/reactions/merci`);
    expect(await about(bob, q)).toEqual([]);
  });

  it('lets a member switch a kind off in the page, by e-mail, or both', async () => {
    const prefs = await carol.client.api<{
      preferences: { kind: string; inApp: boolean; byEmail: boolean }[];
    }>('PUT', '/notifications/preferences', { preferences: [{ kind: 'mention', inApp: false }] });
    expect(prefs.status).toBe(200);
    expect(prefs.body.preferences.find((p) => p.kind === 'mention')).toEqual({
      kind: 'mention',
      inApp: false,
      byEmail: true,
    });
    const q = await ask(bob, 'Préférences', `@${carol.handle} ?`);
    expect(await about(carol, q)).toEqual([]);
    // Kept for e-mail (the e-mail slice sends it), never shown nor counted in the page.
    const stored = await t.store.db
      .selectFrom('notifications')
      .select(['in_app', 'email'])
      .where('user_id', '=', carol.id)
      .where('topic_id', '=', q)
      .execute();
    expect(stored).toEqual([{ in_app: 0, email: 1 }]);
    await carol.client.api('PUT', '/notifications/preferences', {
      preferences: [{ kind: 'mention', byEmail: false }],
    });
    const q2 = await ask(bob, 'Préférences encore', `@${carol.handle} ?`);
    await caughtUp(t);
    const none = await t.store.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', carol.id)
      .where('topic_id', '=', q2)
      .execute();
    expect(none).toEqual([]);
    await carol.client.api('PUT', '/notifications/preferences', {
      preferences: [{ kind: 'mention', inApp: true, byEmail: true }],
    });
  });

  it('never notifies anyone of content they may not read, nor reveals the group', async () => {
    const g = await newGroup('private', 'bureau');
    await bob.client.api('POST', `/groups/${g}/join`);
    await admin.client.api('POST', `/groups/${g}/members/${bob.id}/approve`);
    // Dave belongs to the community but not to the private group; an outsider to neither.
    const outsider = await newMember(t, 'Zoé Extérieure');
    const beforeDave = (await notes(dave)).notifications.length;
    const q = await ask(
      bob,
      'Budget confidentiel',
      `@${dave.handle} @${outsider.handle} vous validez ?`,
      {
        groupId: g,
      },
    );
    await caughtUp(t);
    const rows = await t.store.db
      .selectFrom('notifications')
      .select('user_id')
      .where('topic_id', '=', q)
      .execute();
    expect(rows).toEqual([]);
    expect((await notes(dave)).notifications).toHaveLength(beforeDave);
    expect((await notes(outsider)).notifications).toEqual([]);
    // A member watching the group who later leaves it stops hearing of it.
    const inside = await newMember(t, 'Inès Dedans');
    await join(inside.client, community.id);
    await inside.client.api('POST', `/groups/${g}/join`);
    await admin.client.api('POST', `/groups/${g}/members/${inside.id}/approve`);
    await inside.client.api('PUT', `/groups/${g}/watching`, { level: 'watching' });
    await answer(bob, q, 'Le chiffre est 1 200 €.');
    expect((await notes(inside)).notifications.map((n) => n.kind)).toContain('watched_reply');
    expect((await inside.client.api('POST', `/groups/${g}/leave`)).status).toBeLessThan(300);
    await answer(bob, q, 'Corrigé : 1 300 €.');
    const after = await notes(inside);
    expect(after.notifications.filter((n) => n.groupId === g)).toEqual([]);
  });

  it('drops a notification whose content is deleted, or whose group became unreadable', async () => {
    const q = await ask(bob, 'Sujet éphémère', 'Bientôt supprimé.', { kind: 'discussion' });
    const r = await answer(julie, q, 'Réponse éphémère.');
    expect((await about(bob, q)).map((n) => n.kind)).toEqual(['topic_reply']);
    const before = (await notes(bob)).unread;
    expect((await julie.client.api('DELETE', `/replies/${r}`)).status).toBe(204);
    expect(await about(bob, q)).toEqual([]);
    expect((await notes(bob)).unread).toBe(before - 1);
    await answer(julie, q, `Encore une, @${carol.handle}.`);
    expect((await about(carol, q)).length).toBe(1);
    expect((await bob.client.api('DELETE', `/topics/${q}`)).status).toBe(204);
    expect(await about(carol, q)).toEqual([]);
    // A public group made private: Eve, watching it but not in it, no longer reads it.
    const g = await newGroup('public', 'ouvert');
    await eve.client.api('PUT', `/groups/${g}/watching`, { level: 'watching' });
    const q2 = await ask(bob, 'Dans un groupe ouvert', 'Pour l’instant.', { groupId: g });
    expect((await about(eve, q2)).map((n) => n.kind)).toEqual(['watched_topic']);
    const unreadBefore = (await notes(eve)).unread;
    expect(
      (await admin.client.api('PATCH', `/groups/${g}`, { visibility: 'private' })).status,
    ).toBe(200);
    expect(await about(eve, q2)).toEqual([]);
    expect((await notes(eve)).unread).toBe(unreadBefore - 1);
  });

  it('never tells members of their own actions', async () => {
    const q = await ask(bob, 'Je me réponds', `Note pour @${bob.handle}.`, { kind: 'discussion' });
    await answer(bob, q, `Et je me remercie, @${bob.handle}.`);
    await bob.client.api('PUT', `/topics/${q}/reactions/merci`);
    expect(await about(bob, q)).toEqual([]);
  });
});
