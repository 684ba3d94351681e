// First steps (issue 23): a new member lands on a short page of the community — its charter in a
// few lines, where to introduce oneself, groups that match their bio (or the liveliest open
// ones), how to ask — which the animators edit in French and English; others get a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charter, join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Page = {
  charter: { lines: string[]; href: string } | null;
  welcome: string;
  introduce: { topic: { name: string; href: string } | null; group: { name: string } | null };
  groups: { name: string; reason: string }[];
  ask: { text: string; href: string };
  editHref: string | null;
};

describe.each(databases)('the first-steps page on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let camille: Member;
  let bob: Member;
  let hello: number;

  const rows = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('first_steps_pages')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const group = async (slug: string, name: string, description: string, visibility = 'public') => {
    const res = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug, name, description, visibility },
    );
    expect(res.status).toBe(201);
    return res.body.group.id;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    camille = await newMember(t, 'Camille Martin');
    bob = await newMember(t, 'Bob Durand');
    for (const m of [camille, bob]) await join(m.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${camille.id}`, {
      role: 'animator',
    });
    await group('jardins', 'Jardins partagés', 'Potagers, semis et compost entre voisins.');
    const repair = await group('reparation', 'Repair café', 'On répare ensemble le samedi.');
    await group('bureau', 'Bureau', 'Le bureau de l’association.', 'invite_only');
    await group('lecture', 'Club de lecture', 'Un livre par mois.');
    // The repair café is the liveliest group.
    for (const title of ['Grille-pain', 'Vélo']) {
      const made = await admin.client.api('POST', `/communities/${community.id}/topics`, {
        title,
        body: 'Qui sait faire ?',
        groupId: repair,
      });
      expect(made.status).toBe(201);
    }
    const topic = await camille.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Présentez-vous ici', body: 'Qui êtes-vous ?' },
    );
    hello = topic.body.topic.id;
  });
  afterAll(() => t.close());

  it('lands a member who joins through the page form on the first steps', async () => {
    const nina = await newMember(t, 'Nina Smith');
    await nina.client.api('PATCH', '/me', { bio: 'Le jardinage et le compost' });
    const charterPage = `/c/${community.slug}/charter`;
    const joined = await nina.client.submit(charterPage, `/c/${community.slug}/join`, {
      accept: '1',
      charterVersion: '1',
    });
    expect(joined.status).toBe(303);
    expect(joined.location).toBe(`/c/${community.slug}/first-steps`);

    const page = await nina.client.page(`/c/${community.slug}/first-steps`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`Premiers pas dans Communauté ${community.slug}`);
    // The charter in a few lines, with the way to the whole of it.
    expect(page.html).toContain('1. Bienveillance envers chacun.');
    expect(page.html).toContain(`href="/c/${community.slug}/charter"`);
    // Her bio speaks of gardening and compost: the garden group first, then the liveliest.
    const gardens = page.html.indexOf('Jardins partagés');
    const repair = page.html.indexOf('Repair café');
    expect(gardens).toBeGreaterThan(0);
    expect(repair).toBeGreaterThan(gardens);
    expect(page.html).not.toContain('Bureau');
    expect(page.html).toContain(`href="/c/${community.slug}/new"`);
    expect(page.html).not.toContain('Modifier cette page');
    expect(await htmlProblems(page.html)).toEqual([]);

    // The API, in English, says the same; the joining API itself is unchanged.
    const api = await nina.client.api<Page>(
      'GET',
      `/communities/${community.id}/first-steps`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(api.status).toBe(200);
    expect(api.body.charter?.lines).toEqual(charter.split('\n'));
    expect(api.body.groups.map((g) => [g.name, g.reason])).toEqual([
      ['Jardins partagés', 'interests'],
      ['Repair café', 'active'],
      ['Club de lecture', 'active'],
    ]);
    expect(api.body.editHref).toBeNull();
  });

  it('offers the liveliest open groups to a member who wrote no bio', async () => {
    const api = await bob.client.api<Page>('GET', `/communities/${community.id}/first-steps`);
    expect(api.body.groups.map((g) => g.name)).toEqual([
      'Repair café',
      'Club de lecture',
      'Jardins partagés',
    ]);
    expect(api.body.groups.every((g) => g.reason === 'active')).toBe(true);
    expect(api.body.introduce).toEqual({ topic: null, group: null });
    expect(api.body.welcome).toContain('Bienvenue !');
  });

  it('is edited by an animator, by page and API, in French and English', async () => {
    const edit = `/c/${community.slug}/first-steps/edit`;
    const form = await camille.client.page(edit);
    expect(form.status).toBe(200);
    expect(form.html).toContain('Mot d’accueil en français');
    expect(await htmlProblems(form.html)).toEqual([]);
    const saved = await camille.client.submit(edit, edit, {
      welcomeFr: 'Bienvenue chez les bénévoles du quartier !',
      welcomeEn: '',
      askFr: '',
      askEn: 'Ask away: we answer within a day.',
      introduceTopicId: `http://localhost/c/${community.slug}/t/${hello}`,
      introduceGroupId: '',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/c/${community.slug}/first-steps`);

    const fr = await bob.client.page(`/c/${community.slug}/first-steps`);
    expect(fr.html).toContain('Bienvenue chez les bénévoles du quartier !');
    expect(fr.html).toContain('Présentez-vous dans la conversation « Présentez-vous ici ».');
    expect(fr.html).toContain(`href="/c/${community.slug}/t/${hello}"`);
    // The French question text was left empty: the default.
    expect(fr.html).toContain('Une question ?');
    const en = await bob.client.api<Page>(
      'GET',
      `/communities/${community.id}/first-steps`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(en.body.welcome).toContain('Welcome! Here are a few pointers');
    expect(en.body.ask.text).toBe('Ask away: we answer within a day.');
    expect(en.body.introduce.topic?.name).toBe('Présentez-vous ici');

    const put = await camille.client.api<{
      texts: { fr: { welcome: string } };
      introduceGroupId: number | null;
    }>('PUT', `/communities/${community.id}/first-steps`, {
      welcomeFr: 'Bonjour à toutes et à tous.',
      introduceGroupId: null,
      introduceTopicId: hello,
    });
    expect(put.status).toBe(200);
    expect(put.body.texts.fr.welcome).toBe('Bonjour à toutes et à tous.');
    const camillePage = await camille.client.api<Page>(
      'GET',
      `/communities/${community.id}/first-steps`,
    );
    expect(camillePage.body.editHref).toBe(`/c/${community.slug}/first-steps/edit`);
    const staffView = await camille.client.page(`/c/${community.slug}/first-steps`);
    expect(staffView.html).toContain(`href="/c/${community.slug}/first-steps/edit"`);
    expect(staffView.html).toContain(`href="/c/${community.slug}/first-post-alert"`);
    expect(await htmlProblems(staffView.html)).toEqual([]);
  });

  it('is a 404 to edit for members who are not animators, and changes nothing', async () => {
    const before = await rows();
    expect((await bob.client.page(`/c/${community.slug}/first-steps/edit`)).status).toBe(404);
    const put = await bob.client.api('PUT', `/communities/${community.id}/first-steps`, {
      welcomeFr: 'Pirate',
    });
    expect(put.status).toBe(404);
    expect(
      (await bob.client.api('GET', `/communities/${community.id}/first-steps/settings`)).status,
    ).toBe(404);
    expect(await rows()).toBe(before);
    const page = await bob.client.page(`/c/${community.slug}/first-steps`);
    expect(page.html).not.toContain('Pirate');
  });

  it('keeps bad input in the form with a clear message, and saves nothing', async () => {
    const edit = `/c/${community.slug}/first-steps/edit`;
    const refused = await camille.client.submit(edit, edit, {
      welcomeFr: 'Un nouveau mot d’accueil',
      welcomeEn: '',
      askFr: '',
      askEn: '',
      introduceTopicId: 'pas une conversation',
      introduceGroupId: '',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Aucune conversation de cette communauté n’a cette adresse');
    expect(refused.html).toContain('Un nouveau mot d’accueil');
    expect(refused.html).toContain('pas une conversation');
    expect(await htmlProblems(refused.html)).toEqual([]);
    const tooLong = await camille.client.api<{ error: { code: string; message: string } }>(
      'PUT',
      `/communities/${community.id}/first-steps`,
      { askEn: 'x'.repeat(2_001) },
      { 'accept-language': 'en' },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('2,000 characters at most');
    const settings = await camille.client.api<{ texts: { fr: { welcome: string } } }>(
      'GET',
      `/communities/${community.id}/first-steps/settings`,
    );
    expect(settings.body.texts.fr.welcome).toBe('Bonjour à toutes et à tous.');
  });
});
