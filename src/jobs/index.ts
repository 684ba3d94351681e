/** Background work inside the server process. */
export { every, type RecurringJob } from './every.js';
export { createBackground, type Background } from './background.js';
