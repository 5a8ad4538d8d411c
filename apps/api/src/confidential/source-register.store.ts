import { createHmac, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openPrivateDatabase } from './private-database';

export const SOURCE_REGISTER = Symbol('SOURCE_REGISTER');

export interface ProtectedSource {
  sourceRef: string;
  identity: string;
  contact: string | null;
  consent: 'GIVEN' | 'LIMITED' | 'WITHDRAWN';
  risk: 'LOW' | 'MEDIUM' | 'HIGH';
  registeredBy: string;
  registeredAt: string;
}

/**
 * The register of protected sources, kept off the log (DATA_DIR/sources.sqlite, mode 0600): identity,
 * contact, consent and risk. The log only ever names a source by its reference and a keyed digest of its
 * identity, so the same source can be recognised without being revealed.
 */
export class SourceRegister {
  private readonly db: Database.Database;

  constructor(
    dataDir: string,
    private readonly digestKey: Buffer,
  ) {
    this.db = openPrivateDatabase(dataDir, 'sources.sqlite');
    this.db.exec(`CREATE TABLE IF NOT EXISTS sources (source_ref TEXT PRIMARY KEY, identity TEXT NOT NULL,
      contact TEXT, consent TEXT NOT NULL, risk TEXT NOT NULL, registered_by TEXT NOT NULL, registered_at TEXT NOT NULL)`);
  }

  register(source: Omit<ProtectedSource, 'sourceRef' | 'registeredAt'>): ProtectedSource {
    const registered = { ...source, sourceRef: randomUUID(), registeredAt: new Date().toISOString() };
    this.db
      .prepare('INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(
        registered.sourceRef,
        registered.identity,
        registered.contact,
        registered.consent,
        registered.risk,
        registered.registeredBy,
        registered.registeredAt,
      );
    return registered;
  }

  get(sourceRef: string): ProtectedSource | undefined {
    const r = this.db.prepare('SELECT * FROM sources WHERE source_ref = ?').get(sourceRef) as
      Record<string, string | null> | undefined;
    return (
      r && {
        sourceRef: r.source_ref as string,
        identity: r.identity as string,
        contact: r.contact,
        consent: r.consent as ProtectedSource['consent'],
        risk: r.risk as ProtectedSource['risk'],
        registeredBy: r.registered_by as string,
        registeredAt: r.registered_at as string,
      }
    );
  }

  /** What the log may hold of a source: a digest no one without the server's key can link to an identity. */
  digestOf(source: ProtectedSource): string {
    return `hmac:${createHmac('sha256', this.digestKey).update(`source\n${source.identity}`).digest('hex')}`;
  }

  close(): void {
    this.db.close();
  }
}
