import type { ComponentChildren } from 'preact';

/**
 * A table of named figures, the accessible form of every chart: each row a name (text, or a
 * link), then its figures, one per column after the first. `text` lists the columns of words
 * rather than numbers, aligned as text.
 */
export function FigureTable(props: {
  caption: string;
  head: [string, ...string[]];
  rows: [ComponentChildren, ...string[]][];
  text?: number[];
}) {
  const align = (column: number) => (props.text?.includes(column) ? 'text' : undefined);
  return (
    <TableBox>
      <table class="figures">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((label, column) => (
              <th scope="col" key={label} class={align(column)}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([label, ...values], row) => (
            <tr key={row}>
              <th scope="row">{label}</th>
              {values.map((value, i) => (
                <td key={i} class={align(i + 1)}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

/**
 * Holds a table that may be wider than a phone's screen: the box scrolls sideways, not the page
 * (WCAG 1.4.10, reflow). cockpit.js makes a box that overflows focusable and names it.
 */
export function TableBox(props: { children: ComponentChildren }) {
  return <div class="table-scroll">{props.children}</div>;
}

/** A chart drawn by the client script from the page's data; the table beside it carries the figures. */
export function Chart(props: { name: string; label: string }) {
  return (
    <div class="chart-box">
      <canvas
        class="chart"
        data-chart={props.name}
        role="img"
        aria-label={props.label}
        height={220}
      />
    </div>
  );
}

export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="cockpit-section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/**
 * A time series: its title, its chart, and its table beside it — folded under `more` when it
 * is too long to show whole (a year of days).
 */
export function Series(props: {
  name: string;
  title: string;
  more?: string;
  head: [string, string];
  rows: [string, string][];
}) {
  const table = <FigureTable caption={props.title} head={props.head} rows={props.rows} />;
  return (
    <>
      <h3>{props.title}</h3>
      <div class="chart-and-table">
        <Chart name={props.name} label={props.title} />
        <Fold summary={props.more}>{table}</Fold>
      </div>
    </>
  );
}

/** More than two years of months: a table that long is folded, its chart shows the trend. */
export const FOLD_MONTHS = 24;

/** Its children folded under `summary` when there is one, shown whole otherwise. */
export function Fold(props: { summary?: string | undefined; children: ComponentChildren }) {
  if (!props.summary) return <>{props.children}</>;
  return (
    <details>
      <summary>{props.summary}</summary>
      {props.children}
    </details>
  );
}
