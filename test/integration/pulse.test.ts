// The pulse (issue 22): what it holds for each member, only what they may read and have not
// seen; animators' pins, exclusions and preview; sending once per member and period; the member's
// local morning; and a click that counts the member as reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findDueMembers,
  previewPulse,
  runPulses,
  type ComposedPulse,
} from '../../src/pulse/index.js';
import { Client } from '../client.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

type Member = Awaited<ReturnType<typeof newMember>>;
const config = { defaultTimeZone: 'Europe/Paris', publicUrl: 'https://ruche.example.test' };
const DAY = 86_400_000;

describe.each(databases)('the pulse on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let julie: Member;
  let bob: Member;
  let carol: Member;
  let dave: Member;
  let privateGroup: number;
  let question: number;
  let secret: number;
  let older: number;

  const topic = async (m: Member | typeof admin, title: string, extra: object = {}) => {
    const res = await m.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title, body: `${title} : les détails.`, ...extra },
    );
    expect(res.status).toBe(201);
    return res.body.topic.id;
  };
  const reply = async (m: Member, topicId: number, body: string) => {
    const res = await m.client.api('POST', `/topics/${topicId}/replies`, { body });
    expect(res.status).toBe(201);
  };
  const preview = (m: Member) => previewPulse(t.store, config, m.id);
  const textOf = async (m: Member) => (await preview(m))?.text ?? '';

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    julie = await newMember(t, 'Julie Martin');
    bob = await newMember(t, 'Bob Durand');
    carol = await newMember(t, 'Carol Petit');
    dave = await newMember(t, 'Abdoulaye Diallo');
    for (const m of [julie, bob, carol, dave]) await join(m.client, community.id);
    const g = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug: 'atelier', name: 'Atelier secret', visibility: 'private' },
    );
    expect(g.status).toBe(201);
    privateGroup = g.body.group.id;
    // Julie is in the private group (asked, approved); Carol is not.
    await julie.client.api('POST', `/groups/${privateGroup}/join`);
    await admin.client.api('POST', `/groups/${privateGroup}/members/${julie.id}/approve`);
    // Julie answered about bicycles before: her words.
    older = await topic(admin, 'Entretien des vélos de la ressourcerie');
    await reply(julie, older, 'Il faut graisser la chaîne chaque mois.');
    question = await topic(bob, 'Comment régler les freins des vélos ?', { kind: 'question' });
    await topic(bob, 'Quelle recette pour la fête de quartier ?', { kind: 'question' });
    secret = await topic(admin, 'Budget confidentiel de l’atelier', { groupId: privateGroup });
    await reply(julie, secret, 'Je regarde les chiffres.');
    expect(
      (await bob.client.api('PUT', `/replies/${await lastReplyOf(older)}/reactions/merci`)).status,
    ).toBe(204);
  });
  afterAll(() => t.close());

  async function lastReplyOf(topicId: number): Promise<number> {
    const row = await t.store.db
      .selectFrom('replies')
      .select('id')
      .where('topic_id', '=', topicId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('asks a member to answer the questions their past answers match, and names the newcomers', async () => {
    const text = await textOf(julie);
    expect(text).toContain('On a besoin de vous');
    const needs = text.slice(text.indexOf('On a besoin de vous'), text.indexOf('## Communauté'));
    expect(needs).toContain('Comment régler les freins des vélos ?');
    // Nothing in her answers speaks of a party: that question is not hers to answer.
    expect(needs).not.toContain('fête de quartier');
    expect(needs).toContain('Abdoulaye Diallo');
    // The asker is not asked to answer his own question.
    expect(await textOf(bob)).not.toContain(
      'régler les freins des vélos ?\n  https://ruche.example.test/c',
    );
  });

  it('gives figures and the most active topics per space, and the thanks received', async () => {
    const text = await textOf(julie);
    expect(text).toMatch(
      /## Communauté c\d+\n\d+ nouveaux sujets, \d+ réponses?, \d+ nouveaux membres/,
    );
    expect(text).toContain('## On vous a dit merci');
    expect(text).toContain(
      'Bob Durand vous a remercié·e pour « Entretien des vélos de la ressourcerie »',
    );
    expect(text).toContain(`https://ruche.example.test/c/${community.slug}/t/${question}`);
  });

  it('never names a private group’s topic to an outsider', async () => {
    expect(await textOf(julie)).toContain('Budget confidentiel');
    const forCarol = await preview(carol);
    expect(JSON.stringify(forCarol)).not.toContain('Budget confidentiel');
    expect(JSON.stringify(forCarol)).not.toContain('Atelier secret');
  });

  it('leaves out what the member has already seen in the page', async () => {
    expect(await textOf(dave)).toContain('fête de quartier');
    const page = await dave.client.page(`/c/${community.slug}/t/${question}`);
    expect(page.status).toBe(200);
    const text = await textOf(dave);
    expect(text).not.toContain('régler les freins');
    expect(text).toContain('fête de quartier');
  });

  it('lets an animator feature a topic, keep one out, and preview a member’s pulse; others get 403', async () => {
    const base = `/communities/${community.id}/pulse`;
    expect((await bob.client.api('PUT', `${base}/pins/${older}`)).status).toBe(403);
    expect((await bob.client.api('GET', `${base}/preview?handle=${julie.handle}`)).status).toBe(
      403,
    );
    expect((await new Client(t.url).api('PUT', `${base}/pins/${older}`)).status).toBe(401);
    // Dave read the older topic long ago: featured, it comes back into his pulse.
    await dave.client.page(`/c/${community.slug}/t/${older}`);
    expect(await textOf(dave)).not.toContain('Entretien des vélos');
    const pinned = await admin.client.api<{ pins: { topicId: number }[] }>(
      'PUT',
      `${base}/pins/${older}`,
    );
    expect(pinned.status).toBe(200);
    expect(pinned.body.pins.map((p) => p.topicId)).toEqual([older]);
    expect(await textOf(dave)).toContain('À la une : Entretien des vélos de la ressourcerie');
    const kept = await admin.client.api('PUT', `${base}/exclusions/${question}`);
    expect(kept.status).toBe(200);
    expect(await textOf(julie)).not.toContain('régler les freins');
    await admin.client.api('DELETE', `${base}/exclusions/${question}`);
    expect(await textOf(julie)).toContain('régler les freins');
    // The preview is the member's own: an animator who reads the private group sees none of it
    // in Carol's.
    const seen = await admin.client.api<{ pulse: ComposedPulse | null }>(
      'GET',
      `${base}/preview?handle=${carol.handle}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.pulse?.text).not.toContain('Budget confidentiel');
    const unknown = await admin.client.api<{ error: { code: string; message: string } }>(
      'PUT',
      `${base}/pins/999999`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No topic of this community has this number.');
    const page = await admin.client.page(
      `/c/${community.slug}/cockpit/pulse?handle=${julie.handle}`,
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('Le prochain pulse de @');
    expect((await bob.client.page(`/c/${community.slug}/cockpit/pulse`)).status).toBe(403);
  });

  it('keeps the settings of the pulse, refusing a zone that does not exist', async () => {
    expect((await carol.client.api('GET', '/me/pulse')).body).toEqual({
      frequency: 'weekly',
      timeZone: 'Europe/Paris',
      isDefaultZone: true,
    });
    const bad = await carol.client.api<{ error: { code: string } }>('PUT', '/me/pulse', {
      timeZone: 'Mars/Olympus',
    });
    expect(bad.status).toBe(400);
    expect((await carol.client.api('GET', '/me/pulse')).body).toMatchObject({
      isDefaultZone: true,
    });
    const ok = await carol.client.api('PUT', '/me/pulse', {
      frequency: 'daily',
      timeZone: 'Asia/Tokyo',
    });
    expect(ok.body).toEqual({ frequency: 'daily', timeZone: 'Asia/Tokyo', isDefaultZone: false });
    const page = await carol.client.page('/notifications/preferences');
    expect(page.html).toContain('Le pulse');
    expect(page.html).toMatch(/<option[^>]*value="Asia\/Tokyo"[^>]*selected/);
  });

  it('is due at the member’s own local morning', async () => {
    // Monday 2 March 2026 at 06:30 UTC: 07:30 in Paris, 15:30 in Tokyo.
    const at = Date.UTC(2026, 2, 2, 6, 30);
    await t.store.db
      .updateTable('users')
      .set({ created_at: Date.UTC(2026, 2, 1, 12) })
      .execute();
    const tokyo = await newMember(t, 'Tokyo');
    const paris = await newMember(t, 'Paris');
    await tokyo.client.api('PUT', '/me/pulse', { timeZone: 'Asia/Tokyo' });
    await t.store.db
      .updateTable('users')
      .set({ created_at: Date.UTC(2026, 2, 1, 12) })
      .where('id', 'in', [tokyo.id, paris.id])
      .execute();
    const due = (moment: number) =>
      findDueMembers(t.store, config, moment).then((d) => d.map((x) => x.member.id));
    expect(await due(at)).toContain(tokyo.id);
    expect(await due(at)).not.toContain(paris.id);
    // At 08:00 in Paris (07:00 UTC), Paris's Monday morning comes.
    expect(await due(at + 30 * 60_000)).toContain(paris.id);
  });

  it('sends each due pulse once, and nothing to a member with nothing new; a click counts as a visit', async () => {
    await t.store.db
      .updateTable('users')
      .set({ created_at: Date.now() - 30 * DAY })
      .execute();
    const sent: { to: string; subject: string; text: string }[] = [];
    const deliver = (to: { email: string }, p: ComposedPulse) => {
      sent.push({ to: to.email, subject: p.subject, text: p.text });
      return Promise.resolve();
    };
    const first = await runPulses(t.store, config, deliver);
    expect(first.sent).toBeGreaterThan(0);
    const again = await runPulses(t.store, config, deliver);
    expect(again).toMatchObject({ due: 0, sent: 0 });
    const toJulie = sent.filter((m) => m.to === julie.email);
    expect(toJulie).toHaveLength(1);
    expect(toJulie[0]?.subject).toMatch(/^Communauté c\d+ : votre pulse (de la semaine|du jour)$/);
    // The late members (signed up for the schedule's test) joined no community: nothing for them.
    expect(sent.map((m) => m.to).filter((to) => /tokyo|paris/i.test(to))).toEqual([]);

    const reached = async () =>
      (
        await admin.client.api<{ ladder: { members_reached: number } }>(
          'GET',
          `/communities/${community.id}/analytics?days=30`,
        )
      ).body.ladder.members_reached;
    const before = await reached();
    const link = /https:\/\/ruche\.example\.test(\/c\/\S+\?via=pulse&p=\S+)/.exec(
      sent.find((m) => m.to === carol.email)?.text ?? '',
    )?.[1];
    expect(link).toBeDefined();
    // Followed signed out (a mail client): counted for Carol, then the page without the marker.
    const res = await new Client(t.url).request('GET', link ?? '');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).not.toContain('via=pulse');
    expect(await reached()).toBe(before + 1);
    // A forged marker counts nobody.
    await new Client(t.url).request(
      'GET',
      `/c/${community.slug}?via=pulse&p=forgedtoken00.${community.id}.0`,
    );
    expect(await reached()).toBe(before + 1);
  });
});
