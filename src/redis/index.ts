/** Redis, when REDIS_URL is set: connections and the rate-limit counter kept there. */
export { openRedis, type Redis } from './connect.js';
export { hitRedisBucket } from './rate-buckets.js';
