/**
 * The welcome queue (issue 23): a community's newcomers of the last 30 days for its animators,
 * with whether they posted, were answered and were welcomed; one action welcomes a newcomer with
 * a private message drafted from the community's French or English template.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import type { MessageLimits } from '../messages/index.js';
import { registerWelcomeApi } from './routes-api.js';
import { registerWelcomePages } from './routes-pages.js';

export function registerWelcome(app: FastifyInstance, deps: AppDeps, limits: MessageLimits): void {
  registerWelcomeApi(app, deps, limits);
  registerWelcomePages(app, deps, limits);
}

export { welcomeMessages } from './messages.js';
export { welcomeNewcomerPath, welcomeQueuePath, welcomeTemplatesPath } from './paths.js';
export { defaultTemplates, defaultWelcome, templateVariables } from './templates.js';
export { welcomableAmong } from './service.js';
