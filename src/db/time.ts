/** Current time in epoch milliseconds, the unit every table stores. */
export function now(): number {
  return Date.now();
}
