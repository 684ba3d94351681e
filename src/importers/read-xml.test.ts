import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { frenchMetaDump } from '../../test/shared-data.js';
import { readRows } from './read-xml.js';

/** What a general XML parser reads from the same text: the reference. */
function saxesRows(xml: string): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') rows.push({ ...(tag.attributes as Record<string, string>) });
  });
  parser.write(xml).close();
  return rows;
}

async function ourRows(path: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  await readRows(path, (row) => rows.push(row.attributes()));
  return rows;
}

const scratch = mkdtempSync(join(os.tmpdir(), 'ruche-read-xml-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let files = 0;
function fileWith(xml: string): string {
  const path = join(scratch, `${++files}.xml`);
  writeFileSync(path, xml);
  return path;
}

describe('readRows', () => {
  const dumpFiles = readdirSync(frenchMetaDump).filter((f) => f.endsWith('.xml'));

  it.each(dumpFiles)('reads %s of the real dump exactly as an XML parser does', async (file) => {
    const path = join(frenchMetaDump, file);
    const expected = saxesRows(readFileSync(path, 'utf8'));
    expect(expected.length).toBeGreaterThan(50);
    expect(await ourRows(path)).toEqual(expected);
  });

  it('reads what XML allows in a row: quotes, > signs, line breaks, spaces around =', async () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- dump -->\n<posts>\n' +
      `  <row Id="1" Note="&amp;lt; &#38;amp; &#x26;#60;" Title='Il a dit "oui" &amp; a > b' Body="l1\r\nl2\tend&#xA;&#233;&#x1F41D;" />\n` +
      '  <row\n    Id = "2"\n    Empty=""\n    Unknown="&nbsp;"/>\n' +
      // Longer than a read of the file: a row split across two pieces.
      `  <row Id="3" Body="${'xé🐝'.repeat(20_000)}" />\n` +
      '</posts>\n';
    expect(await ourRows(fileWith(xml))).toEqual(saxesRows(xml.replace('&nbsp;', '&amp;nbsp;')));
  });

  it('hands an attribute as written, for whoever decodes it later', async () => {
    const raw: (string | undefined)[] = [];
    const xml = '<posts><row Id="1" Body="&lt;p&gt;a&#xA;b\tc&lt;/p&gt;" /></posts>';
    await readRows(fileWith(xml), (row) => raw.push(row.raw('Body'), row.raw('Title')));
    expect(raw).toEqual(['&lt;p&gt;a&#xA;b\tc&lt;/p&gt;', undefined]);
  });

  it('reads a row of any number of attributes', async () => {
    const many = Array.from({ length: 100 }, (_, n) => `A${n}="${n}"`).join(' ');
    const xml = `<tags><row ${many} /><row Id="2" /></tags>`;
    const rows = await ourRows(fileWith(xml));
    expect(rows).toEqual(saxesRows(xml));
    expect(Object.keys(rows[0] ?? {})).toHaveLength(100);
  });

  it('reads whole numbers in place, and anything else as JavaScript reads it', async () => {
    const names = ['Id', 'Neg', 'Spaced', 'Empty', 'Huge', 'Word', 'Entity', 'Absent'];
    const xml =
      '<users><row Id="1207" Neg="-3" Spaced=" 12 " Empty="" Huge="99999999999999999999" ' +
      'Word="12a" Entity="&#49;2" /></users>';
    const read: Record<string, number | null> = {};
    await readRows(fileWith(xml), (row) => names.forEach((n) => (read[n] = row.int(n))));
    expect(read).toEqual({
      Id: 1207,
      Neg: -3,
      Spaced: 12,
      Empty: null,
      Huge: null,
      Word: null,
      Entity: 12,
      Absent: null,
    });
  });

  it.each([
    [
      'a file cut short inside a row',
      '<posts>\n  <row Id="1" />\n  <row Id="2" Bo',
      /ends too soon/,
    ],
    ['a file cut short between rows', '<posts>\n  <row Id="1" />\n', /ends too soon/],
    ['a < inside a value', '<posts><row Id="1" Body="a<b" /></posts>', /row 1 is malformed/],
    ['an attribute without quotes', '<posts><row Id="1" /><row Id=2 /></posts>', /row 2/],
    ['text between rows', '<posts><row Id="1" />oops<row Id="2" /></posts>', /text outside rows/],
    ['a row outside the root', '<row Id="1" />', /not under the root/],
    ['a file that is not XML', 'Id,Title\n1,Bonjour\n', /text outside rows/],
  ])('refuses %s, naming the file', async (_, xml, message) => {
    const path = fileWith(xml);
    const read = readRows(path, () => {});
    await expect(read).rejects.toThrow(message);
    await expect(read).rejects.toThrow(path);
  });
});
