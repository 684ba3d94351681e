import type { ListRow } from './store.js';

/** A watch word list as the API gives it. */
export function presentList(row: ListRow) {
  return {
    id: Number(row.id),
    name: row.name,
    action: row.action,
    entries: row.entries.split('\n'),
    messageFr: row.message_fr,
    messageEn: row.message_en,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
