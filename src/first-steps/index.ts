/**
 * First steps (issue 23): a short page for a community's new members — its charter in a few
 * lines, where to introduce oneself, two or three groups for them, how to ask a question — that
 * its animators edit in French and English. A member who joins through the page form lands on it.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { registerFirstStepsApi } from './routes-api.js';
import { registerFirstStepsPages } from './routes-pages.js';

export function registerFirstSteps(app: FastifyInstance, deps: AppDeps): void {
  registerFirstStepsApi(app, deps);
  registerFirstStepsPages(app, deps);
}

export { firstStepsMessages } from './messages.js';
export { firstStepsEditPath, firstStepsPath } from './paths.js';
export { defaultTexts as firstStepsDefaults } from './texts.js';
