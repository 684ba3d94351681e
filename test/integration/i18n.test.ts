import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
import { charter, join as joinCommunity, newAdmin, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

const SRC = join(import.meta.dirname, '../../src');

/** The fields of a zod schema, by their dotted path: an object's keys, and its objects' keys. */
function fieldsOf(schema: unknown, prefix = ''): string[] {
  let s = schema as z.ZodType;
  // Optional, nullable, default, a refinement's pipe: the shape is inside.
  for (let def = s._zod.def as { innerType?: z.ZodType; in?: z.ZodType }; ;) {
    const inner = def.innerType ?? def.in;
    if (!inner) break;
    s = inner;
    def = s._zod.def as typeof def;
  }
  if (!(s instanceof z.ZodObject)) return [];
  return Object.entries(s.shape as Record<string, unknown>).flatMap(([key, value]) => [
    prefix + key,
    ...fieldsOf(value, `${prefix}${key}.`),
  ]);
}

/** Every field of every schema a feature parses input with (`src/<feature>/schemas.ts`). */
async function schemaFields(): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  for (const feature of readdirSync(SRC)) {
    const file = join(SRC, feature, 'schemas.ts');
    if (!existsSync(file)) continue;
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType)) continue;
      for (const field of fieldsOf(value)) fields.set(field, `${feature}/schemas.ts ${name}`);
    }
  }
  return fields;
}

interface OpenApiSchema {
  properties?: Record<string, OpenApiSchema>;
}
interface OpenApiOperation {
  parameters?: { name: string }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

/** Every input field of the API: path, query and body, from the served OpenAPI document. */
function apiFields(paths: Record<string, Record<string, OpenApiOperation>>): Map<string, string> {
  const fields = new Map<string, string>();
  const walk = (schema: OpenApiSchema | undefined, prefix: string, where: string) => {
    for (const [key, value] of Object.entries(schema?.properties ?? {})) {
      fields.set(prefix + key, where);
      walk(value, `${prefix}${key}.`, where);
    }
  };
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) fields.set(p.name, where);
      for (const content of Object.values(op.requestBody?.content ?? {})) {
        walk(content.schema, '', where);
      }
    }
  }
  return fields;
}

describe('field labels', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('name every field of every schema and API route, in French and in English', async () => {
    const doc = await new Client(t.url).api<{
      paths: Record<string, Record<string, OpenApiOperation>>;
    }>('GET', '/openapi.json');
    const fields = new Map([...(await schemaFields()), ...apiFields(doc.body.paths)]);
    expect(fields.size).toBeGreaterThan(25);
    for (const known of ['password', 'displayName', 'title', 'charterVersion', 'q', 'days']) {
      expect(fields.has(known), known).toBe(true);
    }
    const missing = [...fields]
      .filter(([field]) =>
        (['fr', 'en'] as const).some((locale) => {
          const last = field.split('.').pop() ?? field;
          return (
            i18n.template(locale, `field.${field}`) === undefined &&
            i18n.template(locale, `field.${last}`) === undefined
          );
        }),
      )
      .map(([field, where]) => `field.${field} (${where})`);
    expect(missing).toEqual([]);
  });
});

describe.each(databases)('French and English as a person writes them, on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
  });
  afterAll(() => t.close());

  async function community(name: string, slug: string) {
    const res = await admin.client.api<{ community: { id: number; slug: string } }>(
      'POST',
      '/communities',
      {
        slug,
        name,
        purpose: 'Entraide entre bénévoles des associations.',
        typology: 'internal_community',
        visibility: 'public',
        charter,
      },
    );
    expect(res.status).toBe(201);
    return res.body.community;
  }

  it('names the field by its label in an API error, in the reader’s language', async () => {
    const signUp = (lang: string) =>
      new Client(t.url).api(
        'POST',
        '/auth/signup',
        { email: `court-${lang}@example.test`, password: 'court', displayName: 'Zoé' },
        { 'accept-language': lang },
      );
    expect((await signUp('fr')).body).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Le champ « Mot de passe » est trop court (minimum 10 caractères).',
        field: 'password',
      },
    });
    expect((await signUp('en')).body).toEqual({
      error: {
        code: 'invalid_input',
        message: 'The field “Password” is too short (minimum 10 characters).',
        field: 'password',
      },
    });
  });

  it('names the field by its label when a page form is refused', async () => {
    const res = await new Client(t.url).submit('/signup', '/signup', {
      email: 'formulaire@example.test',
      password: 'court',
      displayName: 'Zoé',
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain('Le champ « Mot de passe » est trop court (minimum 10 caractères).');
    expect(res.html).not.toContain('« password »');
  });

  it('counts replies in the topic list: "0 réponse", "1 réponse", "2 réponses"', async () => {
    const c = await community('Entraide du quartier', `rep-${kind}`);
    const m = await newMember(t);
    expect((await joinCommunity(m.client, c.id)).status).toBe(200);
    const topic = async (title: string, replies: number) => {
      const res = await m.client.api<{ topic: { id: number } }>(
        'POST',
        `/communities/${c.id}/topics`,
        { title, body: 'Bonjour à tous.' },
      );
      for (let i = 0; i < replies; i++) {
        await m.client.api('POST', `/topics/${res.body.topic.id}/replies`, { body: `Merci ${i}` });
      }
    };
    await topic('Sans réponse', 0);
    await topic('Une réponse', 1);
    await topic('Deux réponses', 2);
    const fr = await m.client.page(`/c/${c.slug}`);
    expect(fr.html).toContain('0 réponse ');
    expect(fr.html).toContain('1 réponse ');
    expect(fr.html).toContain('2 réponses');
    expect(fr.html).not.toMatch(/\b[01] réponses/);
    await m.client.page('/lang/en');
    const en = await m.client.page(`/c/${c.slug}`);
    expect(en.html).toContain('0 replies');
    expect(en.html).toContain('1 reply ');
    expect(en.html).toContain('2 replies');
    expect(en.html).not.toContain('1 replies');
  });

  it('writes "Charte du Réseau…" for a community named "Le Réseau…"', async () => {
    const c = await community('Le Réseau des bénévoles', `reseau-${kind}`);
    const page = await new Client(t.url).page(`/c/${c.slug}/charter`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Charte du Réseau des bénévoles</h1>');
    expect(page.html).toContain('<title>Charte du Réseau des bénévoles');
    expect(page.html).not.toContain('Charte de Le Réseau');
  });

  it('writes "Rôle d’Abdoulaye" on the members page', async () => {
    const c = await community('Les Amis du quartier', `amis-${kind}`);
    const abdoulaye = await newMember(t, 'Abdoulaye');
    expect((await joinCommunity(abdoulaye.client, c.id)).status).toBe(200);
    const page = await admin.client.page(`/c/${c.slug}/members`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Rôle d’Abdoulaye');
    expect(page.html).not.toContain('Rôle de Abdoulaye');
    expect(page.html).toContain('<h1>Membres des Amis du quartier</h1>');
  });
});
