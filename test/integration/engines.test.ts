import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStackExchange } from '../../src/importers/index.js';
import { newAdmin } from '../fixtures.js';
import {
  buildCommunity,
  NEWCOMERS_RETENTION_30D,
  OLD_PERIOD,
  OLD_RETENTION_90D,
  to,
} from '../hand-built-community.js';
import { createTestStore, databases, startTestApp, type DbKind, type TestApp } from '../harness.js';
import { frenchMetaDump } from '../shared-data.js';

const DAY = 86_400_000;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Cockpit {
  newcomers: { retention_30d: unknown; retention_90d: unknown };
}

/**
 * Every answer of the analytics API, on one engine, for the hand-built community (its whole
 * history, the last 30, 90 and 365 days, an older period, its group, the instance) and for
 * French Language Meta (its whole history, and the year to the middle of its life).
 */
async function cockpitsOn(kind: DbKind) {
  const db = await createTestStore(kind);
  let t: TestApp | null = null;
  try {
    const hand = await buildCommunity(db.store);
    const meta = await importStackExchange(db.store, { dir: frenchMetaDump });
    t = await startTestApp(kind, {}, db);
    const admin = await newAdmin(t);
    const get = async (path: string) => {
      const res = await admin.client.api<Cockpit>('GET', path);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const period = (from: number, end: number) => `from=${date(from)}&to=${date(end)}`;
    const answers: Record<string, Cockpit> = {};
    const community = `/communities/${hand.communityId}/analytics`;
    for (const days of [30, 90, 365])
      answers[`hand ${days}`] = await get(`${community}?${period(to - days * DAY, to)}`);
    answers['hand all'] = await get(`${community}?${period(to - 500 * DAY, to)}`);
    answers['hand old'] = await get(`${community}?${period(OLD_PERIOD.from, OLD_PERIOD.to)}`);
    answers['hand group'] = await get(
      `/communities/${hand.communityId}/groups/${hand.groupId}/analytics?${period(to - 365 * DAY, to)}`,
    );
    answers['instance'] = await get(`/analytics?${period(to - 365 * DAY, to)}`);
    const metaCockpit = `/communities/${meta.communityId}/analytics`;
    answers['meta all'] = await get(`${metaCockpit}?from=2011-01-01&to=2021-01-01`);
    answers['meta year'] = await get(`${metaCockpit}?from=2014-06-01&to=2015-06-01`);
    return answers;
  } finally {
    await t?.close();
    await db.drop();
  }
}

describe('the cockpit on every engine', () => {
  const answers = new Map<DbKind, Record<string, Cockpit>>();
  beforeAll(async () => {
    for (const kind of databases) answers.set(kind, await cockpitsOn(kind));
  });
  afterAll(() => answers.clear());

  it('gives the same figures on SQLite and PostgreSQL, counting retention in UTC days', () => {
    // Without PostgreSQL (RUCHE_TEST_POSTGRES_URL), only the checks below run; CI compares.
    const [sqlite, postgres] = [answers.get('sqlite'), answers.get('postgres')];
    if (sqlite && postgres) {
      expect(Object.keys(postgres)).toEqual(Object.keys(sqlite));
      for (const key of Object.keys(sqlite))
        expect([key, postgres[key]]).toEqual([key, sqlite[key]]);
    }
    for (const [, a] of answers) {
      // Days 7 to 30 (30 to 90) after the first post are whole UTC days, not exact durations.
      expect(a['hand 90']?.newcomers.retention_30d).toEqual(NEWCOMERS_RETENTION_30D);
      expect(a['hand old']?.newcomers.retention_90d).toEqual(OLD_RETENTION_90D);
    }
  });
});
