// A dump `factor` times the size of a real one, for the import's rate on more than a small
// site: every row repeated `factor` times, each copy's ids (posts, comments, votes, users)
// shifted by a multiple of ID_SHIFT so that no two collide and every reference stays inside its
// copy. Dates and texts are kept, so each copy is the same community's history again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const FILES = ['Posts.xml', 'Comments.xml', 'Votes.xml', 'Users.xml'];
const ID_ATTRIBUTES =
  /\b(Id|ParentId|AcceptedAnswerId|OwnerUserId|LastEditorUserId|PostId|UserId|AccountId)="(\d+)"/g;
const ID_SHIFT = 10_000_000;
// The Community bot (-1) is one account on every site: kept once, never shifted.
const COMMUNITY_ROW = /^\s*<row Id="-1"/;

/** Writes the scaled dump into `parent`, in a folder named as the source's; returns its path. */
export function writeScaledDump(source: string, factor: number, parent: string): string {
  const dir = join(parent, basename(source));
  mkdirSync(dir, { recursive: true });
  for (const file of FILES) {
    const lines = readFileSync(join(source, file), 'utf8').split('\n');
    const rows = lines.filter((l) => l.trimStart().startsWith('<row '));
    const head = lines.slice(0, lines.indexOf(rows[0] ?? ''));
    const tail = lines.slice(lines.lastIndexOf(rows[rows.length - 1] ?? '') + 1);
    const out = [...head];
    for (let copy = 0; copy < factor; copy++) {
      const shift = copy * ID_SHIFT;
      for (const row of rows) {
        if (copy > 0 && COMMUNITY_ROW.test(row)) continue;
        out.push(
          row.replace(ID_ATTRIBUTES, (_, name: string, id: string) => {
            return `${name}="${Number(id) + shift}"`;
          }),
        );
      }
    }
    writeFileSync(join(dir, file), [...out, ...tail].join('\n'));
  }
  return dir;
}
