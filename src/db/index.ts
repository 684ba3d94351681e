export type { Database } from './schema.js';
export type { Dialect } from './dialect.js';
export { openStore, migrateToLatest, type Store, type Db } from './connect.js';
export { now } from './time.js';
export { getSetting, setSetting } from './settings.js';
export { isUniqueViolation } from './errors.js';
export { emptyTables } from './empty.js';
export { vacuumTables } from './vacuum.js';
export {
  bulkInsert,
  bulkUpsert,
  type BulkUpsert,
  type BulkColumn,
  type BulkColumns,
} from './bulk.js';
export { selectColumns, type Columns } from './many-rows.js';
export { chunks } from './chunks.js';
export { redoableTransaction } from './redoable.js';
export { hitRateBucket, forgetEndedRateBuckets } from './rate-buckets.js';
export { reserveIds } from './reserve.js';
export { notifyChannel } from './notify.js';
