import type { FastifyInstance } from 'fastify';
import { recordActivity } from '../activity/index.js';
import { now, type Store } from '../db/index.js';
import * as store from './store.js';

const MARKER = /^([\w-]{8,40})\.(\d{1,15})\.(\d{1,15})$/;

/**
 * A link of a sent pulse carries `?via=pulse&p=<pulse>.<community>.<group>`: following it logs a
 * `pulse.opened` visit for the pulse's member, signed in or not (the ladder's "digest opened"),
 * then leads to the same page without the marker, so that a shared address counts nobody. A
 * click is what counts, never a pixel; an unknown marker is ignored.
 */
export function registerPulseClicks(app: FastifyInstance, s: Store): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !req.url.includes('via=pulse')) return;
    const url = new URL(req.url, 'http://ruche.invalid');
    if (url.searchParams.get('via') !== 'pulse') return;
    const marker = MARKER.exec(url.searchParams.get('p') ?? '');
    url.searchParams.delete('via');
    url.searchParams.delete('p');
    if (marker) await countClick(s, marker[1] ?? '', Number(marker[2]), Number(marker[3]));
    return reply.redirect(`${url.pathname}${url.search}`, 302);
  });
}

async function countClick(s: Store, token: string, communityId: number, groupId: number) {
  const sent = await store.sendByToken(s.db, token);
  if (!sent || sent.state !== 'sent') return;
  const { communities, groups } = await store.placesOf(s.db, [communityId]);
  if (communities.length === 0) return;
  const group = groupId === 0 ? null : groups.find((g) => g.id === groupId);
  if (group === undefined) return;
  await recordActivity(s.db, {
    actorId: Number(sent.user_id),
    communityId,
    groupId: group?.id ?? null,
    kind: 'pulse.opened',
    detail: token,
    at: now(),
  });
}
