/** Importers: other platforms' histories (Stack Exchange dumps) into communities, idempotently. */
export { importStackExchange, type StackExchangeOptions } from './stackexchange/run.js';
export { formatSummary, type ImportSummary } from './stackexchange/summary.js';
export { startPhase } from './progress.js';
