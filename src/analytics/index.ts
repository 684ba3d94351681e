/** The animator's cockpit: community indicators computed from the activity log. */
export { registerAnalyticsRoutes } from './routes.js';
export { analyticsMessages } from './messages.js';
export { reportCockpit, resolvePeriod } from './service.js';
export { rebuildRollups, refreshRollups, type RefreshProgress } from './rollup/refresh.js';
export { prepareTodaysWindows } from './rollup/recent.js';
export { cockpitCsv } from './csv.js';
export type { Cockpit } from './cockpit.js';
