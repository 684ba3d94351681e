import type { PageContext } from './page-context.js';

export function ErrorPage(props: {
  ctx: PageContext;
  title: string;
  message: string;
  isAlert: boolean;
}) {
  return (
    <section class="narrow">
      <h1>{props.title}</h1>
      <p role={props.isAlert ? 'alert' : undefined}>{props.message}</p>
      <p>
        <a href="/">{props.ctx.t('nav.home')}</a>
      </p>
    </section>
  );
}
