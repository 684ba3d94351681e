import type { CockpitView } from './privacy.js';

type Row = [section: string, name: string, label: string, value: string];

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Scalars become one row each; series (daily, weekly, monthly, flows) one row per point. */
function flatten(section: string, value: unknown, path: string, rows: Row[]) {
  if (Array.isArray(value)) {
    for (const item of value as Record<string, unknown>[]) {
      const entries = Object.entries(item);
      const [labelKey, label] = entries[0] ?? ['', ''];
      for (const [k, v] of entries.slice(1)) {
        if (typeof v === 'number' || v === null)
          rows.push([section, `${path}.${k}`, `${labelKey}=${String(label)}`, cell(v)]);
      }
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      flatten(section, v, path ? `${path}.${k}` : k, rows);
    return;
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null
  ) {
    rows.push([section, path, '', cell(value)]);
  }
}

// Each group's (each community's) lifecycle figures, one line each, the scope in the point.
const SCOPE_FIGURES = [
  'stage',
  'member_share',
  'contributions_30d',
  'active_members_30d',
  'active_members_previous_30d',
  'unanswered_topics',
] as const;

function scopeRows(
  list: 'groups' | 'communities',
  scopes: ({ slug: string } & Record<(typeof SCOPE_FIGURES)[number], string | number | null>)[],
): Row[] {
  const point = list === 'groups' ? 'group' : 'community';
  return scopes.flatMap((x) =>
    SCOPE_FIGURES.map((k): Row => ['lifecycle', `${list}.${k}`, `${point}=${x.slug}`, cell(x[k])]),
  );
}

/** The cockpit as CSV, one figure per line, named as in docs/indicators.md. */
export function cockpitCsv(c: CockpitView): string {
  const rows: Row[] = [];
  for (const section of [
    'circles',
    'ladder',
    'responsiveness',
    'newcomers',
    'concentration',
    'activity',
    'lifecycle',
  ] as const) {
    // Lists of people and topics and the fixed references are not figures; the groups' and
    // communities' figures follow, one line each.
    const rest = Object.fromEntries(
      Object.entries(c[section]).filter(
        ([k]) =>
          ![
            'unanswered',
            'unanswered_48h',
            'members',
            'core_members',
            'groups',
            'communities',
            'reference',
          ].includes(k),
      ),
    );
    flatten(section, rest, '', rows);
  }
  // The period's welcomes (none on a group's cockpit).
  if (c.welcomes) flatten('welcomes', c.welcomes, '', rows);
  rows.push(
    ...scopeRows('groups', c.lifecycle.groups),
    ...scopeRows('communities', c.lifecycle.communities),
  );
  const lines = [['section', 'indicator', 'point', 'value'], ...rows].map((r) => r.join(','));
  return `${lines.join('\n')}\n`;
}
