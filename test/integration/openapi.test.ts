import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../client.js';
import { startTestApp, type TestApp } from '../harness.js';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('validates as OpenAPI 3 and lists every API route served', async () => {
    const res = await new Client(t.url).api<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(res.body) as never);
    const documented = Object.entries(res.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = t.app.apiRoutes.filter((r) => r !== 'GET /api/v1/openapi.json');
    expect(served.length).toBeGreaterThan(30);
    expect(documented.sort()).toEqual(served.sort());
    expect(Object.keys(res.body.paths).some((p) => !p.startsWith('/api/v1/'))).toBe(false);
  });
});
