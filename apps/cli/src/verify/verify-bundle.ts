import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { checkCheckpoint, type VerifyOptions } from './checkpoint-checks';
import { readLines } from './read-lines';
import { type FailurePlace, VerifyFailure } from './verify-failure';
import type { KeyReport } from './signature-checks';
import { verifyLog } from './verify-log';
import { verifySelection } from './verify-selection';

export type { VerifyOptions } from './checkpoint-checks';

export interface VerifyReport {
  ok: boolean;
  origin?: string;
  size?: number;
  entries?: number;
  streams?: number;
  signedSubmissions?: number;
  /** Who registered and who acknowledged each party key the log holds. */
  partyKeys?: KeyReport[];
  /** Entries withheld from the bundle's audience, by reason (they still count in the root and chains). */
  withheld?: Record<string, number>;
  cosigners?: string[];
  /** Sizes of the older checkpoints this one was proven to extend. */
  extends?: number[];
  selection?: { agreement?: string; fromSize?: number };
  failure?: FailurePlace & { message: string };
  warnings: string[];
}

interface Manifest {
  format: string;
  origin: string;
  size: number;
  verifierKey?: string;
  selection?: { agreement?: string; fromSize?: number };
  files: Record<string, string>;
}

const digest = async (file: string) => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/** Runs `check`; a failure, of any kind, becomes the report's one failure. */
export const reporting = async (check: (report: VerifyReport) => Promise<void>): Promise<VerifyReport> => {
  const report: VerifyReport = { ok: false, warnings: [] };
  try {
    await check(report);
    report.ok = true;
  } catch (error) {
    const place = error instanceof VerifyFailure ? error.place : {};
    report.failure = { ...place, message: (error as Error).message };
  }
  return report;
};

/**
 * Checks an export bundle with nothing but its files and the keys the auditor trusts: the manifest's
 * digests, the checkpoint's signature and cosignatures, every entry, then either the recomputed root (a
 * full bundle: proves completeness) or each entry's receipt (a selective bundle). Stops at the first failure.
 */
export const verifyBundle = (
  dir: string,
  options: VerifyOptions = {},
  progress: (done: number, total: number) => void = () => undefined,
): Promise<VerifyReport> =>
  reporting(async (report) => {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      throw new VerifyFailure('manifest.json is missing or not JSON');
    }
    if (manifest.format !== 'ceasefire-ledger-export/v1')
      throw new VerifyFailure(`unknown bundle format ${manifest.format}`);
    for (const [file, expected] of Object.entries(manifest.files ?? {})) {
      if (normalize(file).startsWith('..'))
        throw new VerifyFailure(`the manifest names a file outside the bundle: ${file}`);
      const actual = await digest(join(dir, file)).catch(() => undefined);
      if (actual === undefined) throw new VerifyFailure(`${file} is missing`);
      if (actual !== expected) throw new VerifyFailure(`${file}: its SHA-256 differs from the manifest`);
    }
    const note = readFileSync(join(dir, 'checkpoint'), 'utf8');
    const checked = checkCheckpoint(note, options, manifest.verifierKey);
    const { checkpoint } = checked;
    Object.assign(report, {
      origin: checkpoint.origin,
      size: checkpoint.size,
      cosigners: checked.cosigners,
      selection: manifest.selection,
    });
    report.warnings.push(...checked.warnings);
    if (manifest.origin !== checkpoint.origin || manifest.size !== checkpoint.size)
      throw new VerifyFailure('the manifest and the signed checkpoint disagree on origin or size');
    const entries = readLines(join(dir, 'entries.jsonl'));
    const selective = manifest.selection !== undefined;
    const summary = selective
      ? await verifySelection(dir, entries, checked, manifest.selection?.fromSize ?? 0, progress)
      : await verifyLog(entries, checked, progress);
    if (selective)
      report.warnings.push(
        'a selective bundle proves each of its entries is in the signed log; only a full bundle proves none is missing',
      );
    Object.assign(report, {
      entries: summary.entries,
      streams: summary.streams,
      signedSubmissions: summary.signedSubmissions,
      partyKeys: summary.partyKeys,
      withheld: summary.withheld,
      extends: checked.older.map((o) => o.size),
    });
    report.warnings.push(...summary.warnings);
  });
