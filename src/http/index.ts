export { AppError, notFound, forbidden, errorStatus, type ErrorCode } from './errors.js';
export { parseInput, toInputError } from './validation.js';
export { idParam } from './ids.js';
export { pageContext, type PageContext } from './page-context.js';
export { sendPage, redirectAfterPost } from './render.js';
export { Layout, FormError, CsrfField } from './layout.js';
export { createHttpServer, type HttpOptions } from './server.js';
export type { LocaleSource, Localizer } from './early-errors.js';
export { errorMessage, toAppError, isApiRequest } from './error-handler.js';
export {
  writeLimit,
  authLimit,
  rateLimited,
  countWithFallback,
  type CountHit,
  type RateLimits,
} from './limits.js';
export { requireViewer, type Viewer } from './viewer.js';
export type { AppDeps, PageExtra, PlaceControl } from './deps.js';
export { Field } from './forms.js';
export {
  asFormFailure,
  safeNext,
  formBody,
  type FormFailure,
  type FormBody,
} from './form-failure.js';
export { resendForm, sendFormPage } from './resend-form.js';
export type { Flash } from './flash.js';
