import type { Projection } from '@ceasefire/projections';
import { WITNESS_EVENT_TYPES, type WitnessEvent } from '@ceasefire/mvm';

export const witnessesProjection: Projection<WitnessEvent> = {
  name: 'witnesses',
  version: 1,
  handles: WITNESS_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('witnesses')} (name TEXT PRIMARY KEY, key TEXT NOT NULL, operator TEXT NOT NULL)`),
  apply: (event, { db, table }) => {
    const d = event.data;
    db.prepare(`INSERT OR REPLACE INTO ${table('witnesses')} VALUES (?, ?, ?)`).run(d.name, d.key, d.operator);
  },
};
