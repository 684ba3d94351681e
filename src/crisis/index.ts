/**
 * Crisis mode (issue 24): the raid detector that watches, per community and topic, new accounts,
 * posts by young accounts and flags against their usual pace; the prepared set of restrictions
 * per community; the crises it starts (or staff start by hand), their alert to the staff, and
 * their end after a calm period.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { endCalmCrisesJob } from './jobs.js';
import { registerCrisisApi } from './routes-api.js';
import { registerCrisisPages } from './routes-pages.js';

/** The crisis page and API, and the job that ends calm crises. */
export function registerCrisis(app: FastifyInstance, deps: AppDeps): void {
  registerCrisisApi(app, deps);
  registerCrisisPages(app, deps);
  deps.jobs.register(endCalmCrisesJob);
}

export {
  advance,
  assess,
  defaultDetectorSettings,
  emptyState,
  minuteOf,
  observe,
  signals,
  type Assessment,
  type DetectorSettings,
  type Signal,
  type SignalState,
} from './detector.js';
export { countSignal, scopeKey, signalNow, type Scope } from './store.js';
export {
  activeCrisisFor,
  endCalmCrises,
  noteSignal,
  startOrExtendCrisis,
  type CrisisInForce,
  type StartOrExtendResult,
} from './service.js';
export type { CrisisRow } from './crises-store.js';
export { defaultCrisisSettings, type CrisisSettings } from './settings.js';
export { crisisBannerExtra } from './banner.js';
export { endCalmCrisesJob } from './jobs.js';
export { crisisMessages } from './messages.js';
export { crisisPath } from './paths.js';
