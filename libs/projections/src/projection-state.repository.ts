import type Database from 'better-sqlite3';

/** Where each projection stands: the generation readers use, and the one being (re)built. */
export interface ProjectionState {
  name: string;
  activeVersion: number | null;
  buildingVersion: number | null;
  /** Checkpoint of the generation being fed: the building one if any, else the active one. */
  position: string | null;
  status: 'running' | 'parked';
  error: string | null;
  failedEventId: string | null;
  updatedAt: string;
}

interface Row {
  name: string;
  active_version: number | null;
  building_version: number | null;
  position: string | null;
  status: 'running' | 'parked';
  error: string | null;
  failed_event_id: string | null;
  updated_at: string;
}

export class ProjectionStateRepository {
  private readonly statements;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_state (
      name TEXT PRIMARY KEY,
      active_version INTEGER,
      building_version INTEGER,
      position TEXT,
      status TEXT NOT NULL DEFAULT 'running',
      error TEXT,
      failed_event_id TEXT,
      updated_at TEXT NOT NULL
    )`);
    this.statements = {
      get: db.prepare('SELECT * FROM projection_state WHERE name = ?'),
      upsert: db.prepare(`INSERT INTO projection_state
          (name, active_version, building_version, position, status, error, failed_event_id, updated_at)
        VALUES (@name, @activeVersion, @buildingVersion, @position, @status, @error, @failedEventId, @updatedAt)
        ON CONFLICT (name) DO UPDATE SET active_version = excluded.active_version,
          building_version = excluded.building_version, position = excluded.position, status = excluded.status,
          error = excluded.error, failed_event_id = excluded.failed_event_id, updated_at = excluded.updated_at`),
      checkpoint: db.prepare('UPDATE projection_state SET position = ?, updated_at = ? WHERE name = ?'),
    };
  }

  get(name: string): ProjectionState | undefined {
    const row = this.statements.get.get(name) as Row | undefined;
    return (
      row && {
        name: row.name,
        activeVersion: row.active_version,
        buildingVersion: row.building_version,
        position: row.position,
        status: row.status,
        error: row.error,
        failedEventId: row.failed_event_id,
        updatedAt: row.updated_at,
      }
    );
  }

  save(state: ProjectionState): void {
    this.statements.upsert.run(state);
  }

  checkpoint(name: string, position: string): void {
    this.statements.checkpoint.run(position, new Date().toISOString(), name);
  }
}
