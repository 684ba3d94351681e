/**
 * Crisis mode (issue 24): the raid detector that watches, per community and topic, new accounts,
 * posts by young accounts and flags against their usual pace. This slice is the detector's
 * arithmetic and its counters; the crisis mode it starts and its restrictions come next.
 */
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
