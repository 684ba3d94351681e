import { randomBytes } from 'node:crypto';
import type { Store } from '../db/index.js';
import { isLocale, defaultLocale } from '../i18n/index.js';
import type { JobLog } from '../jobs/index.js';
import { createPulseBuilder, type Pulse } from './build.js';
import { DEFAULT_FREQUENCY, isTimeZone } from './kinds.js';
import { composePulse, type ComposedPulse } from './render.js';
import { createPeriods, isDue, sinceFor } from './schedule.js';
import * as store from './store.js';

const PAGE = 5_000;
const BATCH = 500;
/** Pulses delivered between two records of their outcome. */
const RECORD_EVERY = 50;
// A claim whose sender has not finished in this time is taken over (the sender died).
const CLAIM_LEASE_MS = 15 * 60_000;

export interface PulseConfig {
  defaultTimeZone: string;
  publicUrl: string;
}

export interface DueMember {
  member: store.PulseMemberRow;
  frequency: 'daily' | 'weekly';
  period: number;
  since: number;
}

/** A member's zone, or the instance's when they chose none (or one this Node does not know). */
function zoneOf(member: { time_zone: string | null }, fallback: string): string {
  return member.time_zone !== null && isTimeZone(member.time_zone) ? member.time_zone : fallback;
}

function dueOf(
  member: store.PulseMemberRow,
  config: PulseConfig,
  at: number,
  periods: ReturnType<typeof createPeriods>,
) {
  const frequency = member.frequency ?? DEFAULT_FREQUENCY;
  if (frequency === 'never') return null;
  const period = periods(frequency, zoneOf(member, config.defaultTimeZone));
  return { member, frequency, period, since: sinceFor(member, frequency, at) };
}

/** Every member whose local pulse moment has come and was not handled yet. */
export async function findDueMembers(
  s: Store,
  config: PulseConfig,
  at: number,
): Promise<DueMember[]> {
  const periods = createPeriods(at);
  const due: DueMember[] = [];
  for (let after = 0; ;) {
    const page = await store.pulseMembersPage(s.db, after, PAGE);
    for (const member of page) {
      const d = dueOf(member, config, at, periods);
      if (d && isDue(member, d.period)) due.push(d);
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return due;
    after = last.id;
  }
}

export interface RunCounts {
  due: number;
  sent: number;
  empty: number;
  failed: number;
}

/** What is done with each built pulse: mailed by the schedule, only built by the benchmark. */
export type Deliver = (to: store.PulseMemberRow, pulse: ComposedPulse) => Promise<void>;

/**
 * Builds and delivers the pulse of every member who is due, in batches. Each member's pulse of a
 * period is claimed first (`pulse:<member>:<period>` as a row's key), so that two instances, or
 * the schedule and `ruche pulse send`, never send it twice; it is recorded once delivered, and a
 * retry skips it. A delivery that fails gives its claim back and is counted; the caller retries.
 */
export async function runPulses(
  s: Store,
  config: PulseConfig,
  deliver: Deliver,
  options: { at?: number; log?: JobLog } = {},
): Promise<RunCounts> {
  const at = options.at ?? Date.now();
  const due = await findDueMembers(s, config, at);
  const counts: RunCounts = { due: due.length, sent: 0, empty: 0, failed: 0 };
  if (due.length === 0) return counts;
  const floor = Math.min(...due.map((d) => d.since));
  const build = createPulseBuilder(s.db, floor);
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    const byId = new Map(batch.map((d) => [d.member.id, d]));
    const claims = await store.claimPulses(
      s.db,
      batch.map((d) => ({
        user_id: d.member.id,
        period_at: d.period,
        token: randomBytes(12).toString('base64url'),
      })),
      at,
      at - CLAIM_LEASE_MS,
    );
    const pulses = await build(
      claims.flatMap((c) => {
        const d = byId.get(c.user_id);
        return d ? [{ id: d.member.id, isAdmin: d.member.is_admin === 1, since: d.since }] : [];
      }),
    );
    const done: store.Outcome[] = [];
    for (const claim of claims) {
      const d = byId.get(claim.user_id);
      const pulse = pulses.get(claim.user_id);
      if (!d) continue;
      if (!pulse) {
        done.push({ claim, outcome: 'empty' });
        counts.empty += 1;
        continue;
      }
      try {
        await deliver(d.member, compose(pulse, d, config, claim.token));
        done.push({ claim, outcome: 'sent' });
        counts.sent += 1;
      } catch (err) {
        options.log?.error({ err, userId: claim.user_id }, 'pulse: sending failed');
        await store.releaseClaim(s.db, claim);
        counts.failed += 1;
      }
      // Recorded a few at a time: a commit per pulse was most of a run's time on SQLite, and a
      // process that dies before the record re-sends at most these few (after the lease).
      if (done.length >= RECORD_EVERY) await store.recordOutcomes(s.db, done.splice(0), at);
    }
    await store.recordOutcomes(s.db, done, at);
  }
  return counts;
}

function compose(pulse: Pulse, d: DueMember, config: PulseConfig, token: string | null) {
  return composePulse(pulse, {
    locale: isLocale(d.member.locale) ? d.member.locale : defaultLocale,
    name: d.member.display_name,
    frequency: d.frequency,
    publicUrl: config.publicUrl,
    token,
  });
}

/**
 * A member's next pulse as it stands now, without sending or recording anything: for
 * `ruche pulse preview` and the animators' preview. Null: nothing to send (or "never").
 */
export async function previewPulse(
  s: Store,
  config: PulseConfig,
  userId: number,
  at = Date.now(),
): Promise<ComposedPulse | null> {
  const [member] = await store.pulseMembersByIds(s.db, [userId]);
  if (!member) return null;
  // A member who chose "never" is shown what a weekly pulse would hold.
  const d = dueOf(
    { ...member, frequency: member.frequency === 'never' ? 'weekly' : member.frequency },
    config,
    at,
    createPeriods(at),
  );
  if (!d) return null;
  const build = createPulseBuilder(s.db, d.since);
  const pulse = (
    await build([{ id: member.id, isAdmin: member.is_admin === 1, since: d.since }])
  ).get(member.id);
  return pulse ? compose(pulse, d, config, null) : null;
}
