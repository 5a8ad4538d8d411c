import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkCheckpoint, type VerifyOptions } from './checkpoint-checks';
import { leafHashOf } from './offline-merkle';
import { reporting, type VerifyReport } from './verify-bundle';
import { VerifyFailure } from './verify-failure';
import { verifyLog } from './verify-log';

/**
 * The bundle checks run on a live data directory of the embedded (SQLite) store, read-only, for an operator who suspects the disk:
 * every event in log order against the latest signed checkpoint, against every checkpoint the log
 * recorded signing, and against any older checkpoint the operator holds outside the disk (`since`).
 * The key must be pinned: the disk's own key file is exactly what an insider could replace.
 */
export const auditDataDir = (
  dataDir: string,
  options: VerifyOptions & { key: string },
  progress: (done: number, total: number) => void = () => undefined,
): Promise<VerifyReport> =>
  reporting(async (report) => {
    const eventsFile = join(dataDir, 'events.sqlite');
    // Signed checkpoints live in checkpoints.sqlite; directories written before it have them in read-models.sqlite.
    const checkpointsFile = existsSync(join(dataDir, 'checkpoints.sqlite'))
      ? join(dataDir, 'checkpoints.sqlite')
      : join(dataDir, 'read-models.sqlite');
    if (!existsSync(eventsFile))
      throw new VerifyFailure(
        `${eventsFile} does not exist: audit reads the embedded (SQLite) store's files; ` +
          'on EventStoreDB, export a bundle through the API (`export`) and `verify` it',
      );
    if (!existsSync(checkpointsFile)) throw new VerifyFailure(`${checkpointsFile} does not exist`);
    const events = new Database(eventsFile, { readonly: true, fileMustExist: true });
    const signedStore = new Database(checkpointsFile, { readonly: true, fileMustExist: true });
    try {
      const signed = signedStore.prepare('SELECT size, note FROM ledger_checkpoints ORDER BY size').all() as {
        size: number;
        note: string;
      }[];
      if (signed.length === 0) throw new VerifyFailure('the log has not signed a checkpoint yet');
      const latest = signed[signed.length - 1];
      const cosignatures = signedStore
        .prepare('SELECT line FROM ledger_cosignatures WHERE size = ? ORDER BY witness')
        .all(latest.size) as { line: string }[];
      const note = latest.note + cosignatures.map((c) => c.line).join('');
      const checked = checkCheckpoint(note, {
        ...options,
        since: [...signed.slice(0, -1).map((s) => s.note), ...(options.since ?? [])],
      });
      Object.assign(report, {
        origin: checked.checkpoint.origin,
        size: checked.checkpoint.size,
        cosigners: checked.cosigners,
      });
      const rows = events.prepare('SELECT position, stream, revision, hash, envelope FROM events ORDER BY position');
      async function* entries(): AsyncGenerator<Buffer> {
        let entry = 0;
        for (const row of rows.iterate() as IterableIterator<{
          stream: string;
          revision: number;
          hash: string;
          envelope: string;
        }>) {
          const bytes = Buffer.from(row.envelope, 'utf8');
          if (leafHashOf(bytes).toString('hex') !== row.hash)
            throw new VerifyFailure('the stored hash is not the hash of the stored envelope', {
              entry,
              stream: row.stream,
              revision: row.revision,
            });
          entry += 1;
          yield bytes;
        }
      }
      const summary = await verifyLog(entries(), checked, progress, true);
      Object.assign(report, {
        entries: summary.entries,
        streams: summary.streams,
        signedSubmissions: summary.signedSubmissions,
        partyKeys: summary.partyKeys,
        withheld: summary.withheld,
        extends: checked.older.map((o) => o.size),
      });
      report.warnings.push(...checked.warnings, ...summary.warnings);
      if (summary.unsigned > 0)
        report.warnings.push(`${summary.unsigned} entries are newer than the latest checkpoint: chain-checked only`);
    } finally {
      events.close();
      signedStore.close();
    }
  });
