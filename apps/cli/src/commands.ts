import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CliCommand } from './cli-command';
import { EXIT, UsageError } from './cli-errors';
import { backupDataDir } from './backup/backup-data-dir';
import { restoreDataDir } from './backup/restore-data-dir';
import { exportBundle } from './export/export-bundle';
import { followBreaches } from './follow/follow-breaches';
import { progressBar } from './progress-bar';
import { auditDataDir } from './verify/audit-data-dir';
import { verifyBundle, type VerifyReport } from './verify/verify-bundle';
import { summarize } from './verify/verify-summary';
import { newWitnessKey, readWitnessKey } from './witness/witness-key';
import { witnessOnce } from './witness/witness-once';

type Values = Record<string, string | string[] | boolean | undefined>;

const str = (values: Values, name: string) => values[name] as string | undefined;
const strs = (values: Values, name: string) => (values[name] as string[] | undefined) ?? [];
const text = (file: string) => readFileSync(file, 'utf8');
/** A verifier key given as itself (`name+hash+base64`) or as the file holding it. */
const verifierKey = (value: string) =>
  /^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/.test(value) && !existsSync(value) ? value : text(value).trim();
const count = (value: string | undefined, flag: string) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number`);
  return Number(value);
};
const SEVERITIES = ['S0', 'S1', 'S2', 'S3', 'S4'] as const;
const severity = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const found = SEVERITIES.find((s) => s === value);
  if (!found) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}`);
  return found;
};
const apiUrl = (value: string | undefined, flag: string) => {
  if (!value || !/^https?:\/\/[^\s]+$/.test(value)) throw new UsageError(`--${flag} must be an http(s) URL`);
  return value.replace(/\/$/, '');
};

const checks = (values: Values) => ({
  key: str(values, 'key') ? verifierKey(str(values, 'key') as string) : undefined,
  witnesses: strs(values, 'witness').map(verifierKey),
  policy: count(str(values, 'policy'), 'policy'),
  since: strs(values, 'since').map(text),
});

const report = (values: Values, r: VerifyReport) => {
  if (values.json) console.log(JSON.stringify(r, null, 2));
  else summarize(r).forEach((line) => (r.ok ? console.log(line) : console.error(line)));
  return r.ok ? EXIT.ok : EXIT.doesNotVerify;
};

const VERIFY_OPTIONS = {
  witness: { value: 'VKEY|FILE', multiple: true, description: "A witness's cosigner key (repeat for each)." },
  policy: { value: 'K', description: 'How many of those witnesses must have cosigned the checkpoint.' },
  since: { value: 'CHECKPOINT', multiple: true, description: 'A checkpoint you hold: the log must extend it.' },
  json: { description: 'Print the report as JSON.' },
};

export const COMMANDS: CliCommand[] = [
  {
    name: 'export',
    summary: 'Export the signed record (all of it, or one agreement) to a bundle anyone can verify offline.',
    options: {
      api: { value: 'URL', required: true, description: "The API's root URL." },
      token: {
        value: 'TOKEN',
        required: true,
        env: 'LEDGER_TOKEN',
        description: "An auditor's (or other reader's) bearer token.",
      },
      out: { value: 'DIR', required: true, description: 'The bundle directory to write.' },
      agreement: { value: 'ID', description: "Only this agreement's events, each with its inclusion receipt." },
      'from-size': { value: 'M', description: 'Only entries from this tree size on, with a consistency proof to it.' },
      'at-size': {
        value: 'N',
        description: 'The record as it stood at the checkpoint signed at N leaves (GET /v1/ledger/checkpoints/N).',
      },
    },
    example: `ceasefire-ledger export --api http://localhost:3000 --token $AUDITOR_TOKEN --out bundle`,
    run: async (values) => {
      const out = str(values, 'out') as string;
      const manifest = await exportBundle(
        { api: apiUrl(str(values, 'api'), 'api'), token: str(values, 'token') as string },
        out,
        {
          agreement: str(values, 'agreement'),
          fromSize: count(str(values, 'from-size'), 'from-size'),
          atSize: count(str(values, 'at-size'), 'at-size'),
        },
        progressBar('export'),
      );
      console.log(
        `exported ${manifest.entries} entries of ${manifest.origin} (checkpoint size ${manifest.size}) to ${out}`,
      );
      return EXIT.ok;
    },
  },
  {
    name: 'verify',
    summary: 'Verify a bundle offline: hashes, chains, signatures, the Merkle root and the checkpoint signature.',
    argument: { name: 'DIR', description: 'The bundle directory (from export).' },
    options: {
      key: {
        value: 'VKEY|FILE',
        description: "The log's verifier key you trust (else the bundle's own is only reported).",
      },
      ...VERIFY_OPTIONS,
    },
    example: 'ceasefire-ledger verify bundle --key log.key',
    run: async (values, dir) =>
      report(values, await verifyBundle(dir as string, checks(values), progressBar('verify'))),
  },
  {
    name: 'audit',
    summary: "Run verify's checks on a live embedded (SQLite) store's files; on EventStoreDB, export and verify.",
    options: {
      'data-dir': { value: 'DIR', required: true, description: "The API's DATA_DIR." },
      key: { value: 'VKEY|FILE', required: true, description: "The log's verifier key you trust." },
      ...VERIFY_OPTIONS,
    },
    example: 'ceasefire-ledger audit --data-dir ./data --key log.key',
    run: async (values) => {
      const options = checks(values);
      return report(
        values,
        await auditDataDir(
          str(values, 'data-dir') as string,
          { ...options, key: options.key as string },
          progressBar('audit'),
        ),
      );
    },
  },
  {
    name: 'backup',
    summary: "Copy what a running server's DATA_DIR cannot rebuild (log, keys, checkpoints, webhooks) into one file.",
    options: {
      'data-dir': { value: 'DIR', required: true, description: "The server's DATA_DIR (it may be running)." },
      out: { value: 'FILE', required: true, description: 'The backup file to write (never overwritten).' },
    },
    example: 'ceasefire-ledger backup --data-dir ./data --out ledger-2025-11-01.tar',
    run: async (values) => {
      const out = str(values, 'out') as string;
      const manifest = await backupDataDir(str(values, 'data-dir') as string, out, progressBar('backup'));
      console.log(
        `backed up ${manifest.events} events (log head ${manifest.head || 'not in DATA_DIR'}) and ${manifest.files.length} files to ${out}`,
      );
      return EXIT.ok;
    },
  },
  {
    name: 'restore',
    summary: 'Bring a backup back into a new, empty DATA_DIR; then start the server on it (read models rebuild).',
    options: {
      from: { value: 'FILE', required: true, description: 'A file written by backup.' },
      'data-dir': { value: 'DIR', required: true, description: 'An empty or new directory.' },
    },
    example: 'ceasefire-ledger restore --from ledger-2025-11-01.tar --data-dir ./data-restored',
    run: async (values) => {
      const dir = str(values, 'data-dir') as string;
      const manifest = restoreDataDir(str(values, 'from') as string, dir);
      console.log(
        `restored ${manifest.events} events (log head ${manifest.head || 'not in the backup'}) and ${manifest.files.length} files into ${dir}, each checked against its SHA-256`,
      );
      return EXIT.ok;
    },
  },
  {
    name: 'witness-keygen',
    summary: "Make a witness's signing key; prints the verifier key to register with POST /v1/ledger/witnesses.",
    options: {
      name: { value: 'NAME', required: true, description: "The witness's name, e.g. witness.mediator-tr.example." },
      out: { value: 'FILE', required: true, description: 'Where to write the secret key (mode 0600).' },
    },
    example: 'ceasefire-ledger witness-keygen --name witness.mediator-tr.example --out w.key',
    run: async (values) => {
      const { secret, verifierKey: key } = newWitnessKey(str(values, 'name') as string);
      writeFileSync(str(values, 'out') as string, `${secret}\n`, { mode: 0o600 });
      console.log(key);
      return EXIT.ok;
    },
  },
  {
    name: 'witness',
    summary: "Cosign the log's latest checkpoint once it checks: signed by the log, consistent with the last cosigned.",
    options: {
      log: { value: 'URL', required: true, description: "The log's API root URL." },
      token: {
        value: 'TOKEN',
        required: true,
        env: 'LEDGER_TOKEN',
        description: "The witness operator's bearer token.",
      },
      key: { value: 'FILE', required: true, description: 'The secret key from witness-keygen.' },
      state: { value: 'FILE', required: true, description: 'Where the witness keeps what it cosigned last.' },
      'log-key': {
        value: 'FILE',
        description: "Pin the log's verifier key (else the first run trusts the served one).",
      },
    },
    example: 'ceasefire-ledger witness --log http://localhost:3000 --token $WITNESS_TOKEN --key w.key --state w.json',
    run: async (values) => {
      const result = await witnessOnce({
        log: apiUrl(str(values, 'log'), 'log'),
        token: str(values, 'token') as string,
        key: readWitnessKey(text(str(values, 'key') as string)),
        stateFile: str(values, 'state') as string,
        logKey: str(values, 'log-key') ? text(str(values, 'log-key') as string).trim() : undefined,
      });
      console.log(`cosigned the checkpoint of size ${result.size}`);
      return EXIT.ok;
    },
  },
  {
    name: 'follow',
    summary: 'Print breaches as they are recorded, resuming where it stopped; with --verify, prove each in the log.',
    options: {
      api: { value: 'URL', required: true, description: "The API's root URL." },
      token: {
        value: 'TOKEN',
        required: true,
        env: 'LEDGER_TOKEN',
        description: 'A bearer token that may read the breach feed.',
      },
      state: {
        value: 'FILE',
        description: 'Where to keep the last event seen, so a restart neither skips nor repeats.',
      },
      verify: { description: 'Prove each breach against its receipt and the signed checkpoint.' },
      key: { value: 'VKEY|FILE', description: "Pin the log's verifier key for --verify." },
      agreement: { value: 'ID', description: "Only this agreement's breaches." },
      party: { value: 'CODE', description: 'Only breaches concerning this party.' },
      'min-severity': { value: 'S0…S4', description: 'Drop breaches below this severity.' },
    },
    example: 'ceasefire-ledger follow --api http://localhost:3000 --token $TOKEN --state follow.json --verify',
    run: async (values) => {
      const abort = new AbortController();
      process.once('SIGINT', () => abort.abort());
      const query = {
        agreement: str(values, 'agreement'),
        party: str(values, 'party'),
        minSeverity: severity(str(values, 'min-severity')),
      };
      for await (const b of followBreaches({
        api: apiUrl(str(values, 'api'), 'api'),
        token: str(values, 'token') as string,
        stateFile: str(values, 'state'),
        verify: values.verify === true,
        logKey: str(values, 'key') ? verifierKey(str(values, 'key') as string) : undefined,
        query,
        signal: abort.signal,
      })) {
        const e = b.cloudEvent;
        const proven = b.verifiedAt === undefined ? '' : `  ✓ leaf ${b.verifiedAt}`;
        console.log(
          `${e.time}  ${e.type.split('.').pop()}  ${e.subject ?? ''}  ${e.parties ?? ''} ${e.severity ?? ''}${proven}`,
        );
      }
      return EXIT.ok;
    },
  },
];
