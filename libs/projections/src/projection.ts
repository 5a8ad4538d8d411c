import type { RecordedEvent } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';

/**
 * A read model: plain data and functions, no framework. `setup` creates its tables and `apply`
 * writes them, always through `tx.table(name)`, which gives the physical name of the table in
 * the generation being built — a new version is built beside the old one and switched over.
 */
/** Any event as a projection sees it: a type and its data. */
export interface ProjectedEvent {
  type: string;
  data: unknown;
}

/** A recorded event whose type and data are those of one member of the union E, so a switch on `type` narrows `data`. */
export type RecordedEventOf<E extends ProjectedEvent> = E extends unknown
  ? Omit<RecordedEvent, 'type' | 'data'> & Pick<E, 'type' | 'data'>
  : never;

export interface Projection<E extends ProjectedEvent = ProjectedEvent> {
  /** Lower-case snake_case, unique in the process. */
  name: string;
  /** Bump it when `setup` or `apply` changes meaning: the read model is then rebuilt from the log. */
  version: number;
  /** Event types it reads (the runner's subscription is filtered to them), or every event. */
  handles: E['type'][] | 'all';
  setup(tx: ProjectionTx): void;
  /** Called with events of the types it handles only. */
  apply(event: RecordedEventOf<E>, tx: ProjectionTx): void;
}

export interface ProjectionTx {
  db: Database.Database;
  table(name: string): string;
}

export const physicalTable = (projection: string, version: number, table: string): string =>
  `${projection}_v${version}_${table}`;

/** Drops every table of one generation; dropping a table drops its indexes too. */
export const dropGeneration = (db: Database.Database, projection: string, version: number): void => {
  const prefix = physicalTable(projection, version, '');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?")
    .all(prefix.length, prefix) as { name: string }[];
  for (const { name } of tables) db.exec(`DROP TABLE "${name}"`);
};
