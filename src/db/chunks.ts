/**
 * Rows per multi-row statement: at 1,000 rows of up to 15 values, well under SQLite's 32,766
 * and PostgreSQL's 65,535 bound parameters.
 */
const ROWS_PER_STATEMENT = 1000;

/** `items` cut into consecutive slices of at most `size`, in order. */
export function chunks<T>(items: T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
