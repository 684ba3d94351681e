import { KeptInputForm, type KeptInput } from './kept-input.js';
import type { PageContext } from './page-context.js';

export function ErrorPage(props: {
  ctx: PageContext;
  title: string;
  message: string;
  isAlert: boolean;
  /** What the member had typed in the refused form, shown back (see kept-input.tsx). */
  kept?: { input: KeptInput; canResend: boolean } | undefined;
}) {
  const { kept } = props;
  return (
    <section class="narrow">
      <h1>{props.title}</h1>
      <p role={props.isAlert ? 'alert' : undefined}>{props.message}</p>
      {kept && <KeptInputForm ctx={props.ctx} kept={kept.input} canResend={kept.canResend} />}
      <p>
        <a href="/">{props.ctx.t('nav.home')}</a>
      </p>
    </section>
  );
}
