import type { ComponentChildren } from 'preact';
import { CsrfField, FormError, type PageContext } from '../../http/index.js';
import { formatDate } from '../../i18n/index.js';
import type { JobState, JobSummary } from '../driver.js';
import type { Jobs } from '../queue.js';

function Attempts(props: { ctx: PageContext; job: JobSummary }) {
  const { job } = props;
  return (
    <>{props.ctx.t('jobs.attempts', { attempts: job.attempts, maxAttempts: job.maxAttempts })}</>
  );
}

function Key(props: { ctx: PageContext; job: JobSummary }) {
  return props.job.key === null ? (
    <span class="muted">{props.ctx.t('jobs.noKey')}</span>
  ) : (
    <code>{props.job.key}</code>
  );
}

/** Keys and errors make wide tables: on a phone the table scrolls in its box, by keyboard too. */
function TableBox(props: { name: string; children: ComponentChildren }) {
  return (
    <section class="table-scroll" aria-label={props.name} tabIndex={0}>
      {props.children}
    </section>
  );
}

function FailedJobs(props: { ctx: PageContext; jobs: JobSummary[] }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.jobs.length === 0) return <p>{t('jobs.failed.none')}</p>;
  return (
    <TableBox name={t('jobs.failed.heading')}>
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">{t('jobs.col.name')}</th>
            <th scope="col" class="text">
              {t('jobs.col.key')}
            </th>
            <th scope="col">{t('jobs.col.attempts')}</th>
            <th scope="col" class="text">
              {t('jobs.col.error')}
            </th>
            <th scope="col">{t('jobs.col.failedAt')}</th>
            <th scope="col">{t('jobs.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {props.jobs.map((job) => (
            <tr key={job.id}>
              <th scope="row" class="text">
                <code>{job.name}</code>
              </th>
              <td class="text">
                <Key ctx={ctx} job={job} />
              </td>
              <td>
                <Attempts ctx={ctx} job={job} />
              </td>
              <td class="text">{job.lastError}</td>
              <td>{job.failedAt === null ? '' : formatDate(ctx.locale, job.failedAt)}</td>
              <td>
                <form method="post" action={`/admin/jobs/${job.id}/retry`} class="inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit" aria-label={t('jobs.retryLabel', { name: job.name })}>
                    {t('jobs.retry')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

/** Running and queued jobs: when each started, or when it may run. */
function OtherJobs(props: { ctx: PageContext; jobs: JobSummary[]; state: 'running' | 'queued' }) {
  const { ctx, state } = props;
  const { t } = ctx;
  if (props.jobs.length === 0) return <p>{t(`jobs.${state}.none`)}</p>;
  return (
    <TableBox name={t(`jobs.${state}.heading`)}>
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">{t('jobs.col.name')}</th>
            <th scope="col" class="text">
              {t('jobs.col.key')}
            </th>
            <th scope="col">{t('jobs.col.attempts')}</th>
            <th scope="col">{t(state === 'running' ? 'jobs.col.startedAt' : 'jobs.col.runAt')}</th>
            <th scope="col" class="text">
              {t('jobs.col.error')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.jobs.map((job) => (
            <tr key={job.id}>
              <th scope="row" class="text">
                <code>{job.name}</code>
              </th>
              <td class="text">
                <Key ctx={ctx} job={job} />
              </td>
              <td>
                <Attempts ctx={ctx} job={job} />
              </td>
              <td>
                {formatDate(
                  ctx.locale,
                  state === 'running' ? (job.startedAt ?? job.runAt) : job.runAt,
                )}
              </td>
              <td class="text">{job.lastError}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

/** The instance admins' view of the queue: failed jobs first, with their retry button. */
export function JobsPage(props: {
  ctx: PageContext;
  driver: Jobs['driver'];
  jobs: JobSummary[];
  failure?: string | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const inState = (state: JobState) => props.jobs.filter((j) => j.state === state);
  return (
    <section>
      <h1>{t('jobs.title')}</h1>
      <p>{t('jobs.intro')}</p>
      <p>
        {t(`jobs.driver.${props.driver}`)} {t('jobs.limit')}
      </p>
      <FormError ctx={ctx} message={props.failure} />
      <h2>{t('jobs.failed.heading')}</h2>
      <FailedJobs ctx={ctx} jobs={inState('failed')} />
      <h2>{t('jobs.running.heading')}</h2>
      <OtherJobs ctx={ctx} jobs={inState('running')} state="running" />
      <h2>{t('jobs.queued.heading')}</h2>
      <OtherJobs ctx={ctx} jobs={inState('queued')} state="queued" />
    </section>
  );
}
