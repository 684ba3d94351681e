/**
 * Schedules are typed as a community's wall-clock time, "2027-03-04T09:30" in Europe/Paris, and
 * stored as instants; Intl knows each zone's offsets, summer and winter.
 */

const DAY = 86_400_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const formats = new Map<string, Intl.DateTimeFormat>();

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

function wallClock(at: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatOf(timeZone).formatToParts(new Date(at)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's clock is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * "YYYY-MM-DDTHH:mm" read in `timeZone` → epoch ms; null when it is no such time. A time the
 * clocks skip in spring is read with the offset from before the change.
 */
export function instantOfLocal(local: string, timeZone: string): number | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(guess);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant as the zone's "YYYY-MM-DDTHH:mm". */
export function localOf(at: number, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The zone's day "YYYY-MM-DD" of an instant. */
export function dayOf(at: number, timeZone: string): string {
  return localOf(at, timeZone).slice(0, 10);
}

/** "YYYY-MM-DD" → midnight UTC of that day (days are counted on it); null if no such day. */
export function parseDay(day: string): number | null {
  const m = DAY_TEXT.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : null;
}

export function dayText(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayText((parseDay(day) ?? 0) + n * DAY);
}

/** The Monday of the week of `day` (weeks start on Monday, as in France). */
export function mondayOf(day: string): string {
  const weekday = (new Date(parseDay(day) ?? 0).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The first day of `day`'s month, and of the next one. */
export function monthOf(day: string): { first: string; next: string } {
  const ms = parseDay(day) ?? 0;
  const d = new Date(ms);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { first: dayText(first), next: dayText(next) };
}

/** The instant the zone's day `day` begins. */
export function startOfDay(day: string, timeZone: string): number {
  return instantOfLocal(`${day}T00:00`, timeZone) ?? 0;
}
