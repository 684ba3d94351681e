import { closeSync, openSync, readSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import { decodeAttribute } from './xml-entities.js';

/**
 * One `<row …/>` of a dump file. Its attributes are decoded only when asked for: the importer
 * reads a few of each row's dozen, and most rows of Users.xml not at all. Valid only during
 * the `onRow` call that hands it out.
 */
export interface XmlRow {
  /** The attribute's value, entities decoded, or undefined when the row has no such attribute. */
  get(name: string): string | undefined;
  /**
   * The attribute's value as the file writes it, entities and line breaks undecoded
   * (`decodeAttribute` decodes it), or undefined.
   */
  raw(name: string): string | undefined;
  /** The attribute as a whole number, or null when absent, empty or not one. */
  int(name: string): number | null;
  /** Every attribute, decoded: for tests, not for the import's hot path. */
  attributes(): Record<string, string>;
}

/** The row being read: one object for every row of a file, its spans rewritten each time. */
class Row implements XmlRow {
  text = '';
  count = 0;
  /** For each attribute, where it lies in `text`: name start, name end, value start, value end. */
  spans = new Int32Array(4 * 32);

  get(name: string): string | undefined {
    const raw = this.raw(name);
    return raw === undefined ? undefined : decodeAttribute(raw);
  }

  raw(name: string): string | undefined {
    const i = this.find(name);
    return i < 0 ? undefined : this.text.slice(this.spans[i + 2], this.spans[i + 3]);
  }

  int(name: string): number | null {
    const i = this.find(name);
    if (i < 0) return null;
    const { text } = this;
    const start = this.spans[i + 2] ?? 0;
    const end = this.spans[i + 3] ?? 0;
    // Ids and counts: read from the digits in place, without a copy of the value.
    const negative = text.charCodeAt(start) === 0x2d; /* - */
    let n = 0;
    for (let at = negative ? start + 1 : start; at < end; at++) {
      const digit = text.charCodeAt(at) - 0x30;
      if (digit < 0 || digit > 9) return wholeNumber(this.get(name) ?? '');
      n = n * 10 + digit;
    }
    if (end === start || (negative && end === start + 1) || !Number.isSafeInteger(n)) return null;
    return negative ? -n : n;
  }

  /** Where the attribute's span starts in `spans`, or -1. */
  private find(name: string): number {
    const { text, spans } = this;
    for (let i = 0; i < this.count * 4; i += 4) {
      const from = spans[i] ?? 0;
      if ((spans[i + 1] ?? 0) - from === name.length && text.startsWith(name, from)) return i;
    }
    return -1;
  }

  attributes(): Record<string, string> {
    const all: Record<string, string> = {};
    for (let i = 0; i < this.count * 4; i += 4) {
      const [from, to, start, end] = this.spans.subarray(i, i + 4);
      all[this.text.slice(from, to)] = decodeAttribute(this.text.slice(start, end));
    }
    return all;
  }
}

/** A value written otherwise than plain digits (" 12", "1e3", "&#49;"), read as JavaScript does. */
function wholeNumber(value: string): number | null {
  if (value === '') return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}
// What readRow returns when it could not read a whole row.
const INCOMPLETE = -1;
const MALFORMED = -2;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** Only white space (or the byte order mark a dump starts with) between `from` and `to`. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isSpace(code) && code !== 0xfeff) return false;
  }
  return true;
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/**
 * Reads the attributes of the `<row` element starting at `start` into `row`; returns the index
 * just past its `/>`, INCOMPLETE when the text ends first, or MALFORMED. Values may hold `>` and either
 * quote, so the element's end is found attribute by attribute, never by searching for `/>`.
 */
function readRow(text: string, start: number, row: Row): number {
  row.text = text;
  row.count = 0;
  // No `<` may stand in a value: the next one starts the next element.
  const next = text.indexOf('<', start + 1);
  let at = start + 4;
  for (;;) {
    at = skipSpaces(text, at);
    if (at >= text.length) return INCOMPLETE;
    if (text.charCodeAt(at) === 0x2f /* / */) {
      if (at + 1 >= text.length) return INCOMPLETE;
      if (text.charCodeAt(at + 1) !== 0x3e /* > */) return MALFORMED;
      return at + 2;
    }
    const eq = text.indexOf('=', at);
    if (eq < 0) return INCOMPLETE;
    let nameEnd = eq;
    while (nameEnd > at && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    const open = skipSpaces(text, eq + 1);
    if (open >= text.length) return INCOMPLETE;
    const quote = text[open];
    if (nameEnd === at || (quote !== '"' && quote !== "'")) {
      return MALFORMED;
    }
    const close = text.indexOf(quote, open + 1);
    if (close < 0) return INCOMPLETE;
    if (next >= 0 && close > next) return MALFORMED;
    const span = row.count++ * 4;
    if (span === row.spans.length) {
      const more = new Int32Array(span * 2);
      more.set(row.spans);
      row.spans = more;
    }
    row.spans[span] = at;
    row.spans[span + 1] = nameEnd;
    row.spans[span + 2] = open + 1;
    row.spans[span + 3] = close;
    at = close + 1;
  }
}

/**
 * The rows of a dump's text, fed piece by piece: `feed` reads every complete element of the
 * text and returns where the unread rest starts, to be fed again with the next piece.
 */
export class RowScanner {
  count = 0;
  private depth = 0;
  private rooted = false;
  private readonly row = new Row();

  constructor(private readonly onRow: (row: XmlRow) => void) {}

  feed(text: string): number {
    let at = 0;
    for (;;) {
      const open = text.indexOf('<', at);
      if (!isBlank(text, at, open < 0 ? text.length : open)) {
        throw new Error(`text outside rows after row ${this.count}`);
      }
      if (open < 0) return text.length;
      let end: number;
      if (text.startsWith('<row', open) && isSpace(text.charCodeAt(open + 4))) {
        if (this.depth !== 1)
          throw new Error(`row ${this.count + 1} is not under the root element`);
        end = readRow(text, open, this.row);
        if (end === MALFORMED) throw new Error(`row ${this.count + 1} is malformed`);
        if (end !== INCOMPLETE) {
          this.count++;
          this.onRow(this.row);
        }
      } else {
        end = endOfMarkup(text, open);
        if (end !== INCOMPLETE) this.depth += depthChange(text, open, end);
        if (this.depth === 1) this.rooted = true;
        if (this.depth < 0 || this.depth > 1) {
          throw new Error(`unexpected element after row ${this.count}`);
        }
      }
      if (end === INCOMPLETE) return at;
      at = end;
    }
  }

  /** Whether the text fed so far is a whole file: its root element closed. */
  get complete(): boolean {
    return this.depth === 0 && this.rooted;
  }
}

/**
 * Streams the `<row>` elements of a Stack Exchange dump file, one at a time, without ever
 * holding the file in memory. `onBytes` reports progress in bytes read.
 *
 * A dump is a flat list of empty `<row …/>` elements under one root: this reads that, and only
 * that, several times faster than a general XML parser. Anything else (text, nested elements,
 * a file cut short) is an error naming the file.
 */
export async function readRows(
  path: string,
  onRow: (row: XmlRow) => void,
  onBytes?: (bytes: number) => void,
): Promise<number> {
  const scanner = new RowScanner(onRow);
  const buffer = Buffer.allocUnsafe(PIECE);
  let file: number | null = null;
  let filled = 0;
  let read = 0;
  let rest = '';
  try {
    file = openSync(path, 'r');
    for (let piece = 1; ; piece++) {
      // Reading a local file a piece at a time, synchronously, is faster than through the thread
      // pool (a third on this dump); the event loop gets a turn every megabyte.
      const bytesRead = readSync(file, buffer, filled, PIECE - filled, null);
      filled += bytesRead;
      read += bytesRead;
      const cut = bytesRead === 0 ? filled : wholeLinesIn(buffer, filled);
      // Rows are lines in a dump: a piece cut after a line break needs no joining (rest is '').
      const text = rest + buffer.toString('utf8', 0, cut);
      rest = text.slice(scanner.feed(text));
      buffer.copy(buffer, 0, cut, filled);
      filled -= cut;
      if (bytesRead === 0) break;
      if (piece % YIELD_EVERY === 0) {
        onBytes?.(read);
        await setImmediate();
      }
    }
    onBytes?.(read);
    if (rest !== '' || !scanner.complete) {
      throw new Error('the file ends too soon: is it complete?');
    }
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    if (file !== null) closeSync(file);
  }
  return scanner.count;
}

/**
 * Bytes read at once. Decoded, a piece of French text becomes a two-byte string twice its
 * size; at 64 kB and more it would be allocated apart from young objects, and reading slows
 * down threefold (measured).
 */
const PIECE = 1 << 15;
const YIELD_EVERY = 32;

/** How many bytes of a full buffer to decode: up to its last line break, else its last whole character. */
function wholeLinesIn(buffer: Buffer, filled: number): number {
  if (filled === 0) return 0;
  const newline = buffer.lastIndexOf(0x0a, filled - 1);
  if (newline >= 0) return newline + 1;
  // No line break in a whole piece: cut before the last character, which may be incomplete.
  let lead = filled - 1;
  while (lead > 0 && ((buffer[lead] ?? 0) & 0xc0) === 0x80) lead--;
  return lead;
}

/** The end of a declaration, comment or tag other than a row, or INCOMPLETE. */
function endOfMarkup(text: string, open: number): number {
  const close = text.startsWith('<!--', open) ? '-->' : text.startsWith('<?', open) ? '?>' : '>';
  const at = text.indexOf(close, open + 1);
  return at < 0 ? INCOMPLETE : at + close.length;
}

/** +1 for the root's opening tag, -1 for its closing tag, 0 for declarations and comments. */
function depthChange(text: string, open: number, end: number): number {
  const second = text[open + 1];
  if (second === '?' || second === '!') return 0;
  if (second === '/') return -1;
  return text[end - 2] === '/' ? 0 : 1;
}

/**
 * A copy of an attribute value to keep. Values are slices of the piece of the file being read:
 * keeping a title would keep that whole piece in memory, and the garbage collector would
 * copy it from young to old space (76 MB for a 32 MB dump).
 */
export function detached(value: string): string {
  // Prepending makes a new string that slice(1) flattens: the copy no longer points at the piece.
  return ` ${value}`.slice(1);
}
