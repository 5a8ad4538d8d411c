/**
 * ceasefire-ledger CLI (`npm run cli -- <command>`, or the package's `ceasefire-ledger` bin):
 *   export --api URL --token T --out DIR [--agreement ID] [--from-size M]
 *   verify DIR [--key VKEY|FILE] [--witness VKEY|FILE …] [--policy K] [--since CHECKPOINT …] [--json]
 *   audit --data-dir DIR --key VKEY|FILE [--witness VKEY|FILE …] [--policy K] [--since CHECKPOINT …] [--json]
 *   witness-keygen --name NAME --out FILE      (prints the verifier key to register)
 *   witness --log URL --token T --key FILE --state FILE [--log-key FILE]
 *   follow --api URL --token T [--state FILE] [--verify] [--key FILE] [--agreement ID] [--party P] [--min-severity S]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportBundle } from './export/export-bundle';
import { followBreaches } from './follow/follow-breaches';
import { progressBar } from './progress-bar';
import { auditDataDir } from './verify/audit-data-dir';
import { verifyBundle, type VerifyReport } from './verify/verify-bundle';
import { summarize } from './verify/verify-summary';
import { newWitnessKey, readWitnessKey } from './witness/witness-key';
import { witnessOnce } from './witness/witness-once';

const usage = `usage: ceasefire-ledger <command>
  export --api URL --token T --out DIR [--agreement ID] [--from-size M]
  verify DIR [--key VKEY|FILE] [--witness VKEY|FILE ...] [--policy K] [--since CHECKPOINT ...] [--json]
  audit --data-dir DIR --key VKEY|FILE [--witness VKEY|FILE ...] [--policy K] [--since CHECKPOINT ...] [--json]
        (the embedded SQLite store's files only; on EventStoreDB, export and verify)
  witness-keygen --name NAME --out FILE
  witness --log URL --token T --key FILE --state FILE [--log-key FILE]
  follow --api URL --token T [--state FILE] [--verify] [--key FILE] [--agreement ID] [--party P] [--min-severity S]`;

const text = (file: string) => readFileSync(file, 'utf8');
/** A verifier key given as itself (`name+hash+base64`) or as the file holding it. */
const verifierKey = (value: string) =>
  /^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/.test(value) && !existsSync(value) ? value : text(value).trim();
const count = (value: string | undefined, flag: string) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a whole number`);
  return Number(value);
};

const SEVERITIES = ['S0', 'S1', 'S2', 'S3', 'S4'] as const;
const severity = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const found = SEVERITIES.find((s) => s === value);
  if (!found) throw new Error(`--min-severity must be one of ${SEVERITIES.join(', ')}`);
  return found;
};

const main = async (): Promise<number> => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      agreement: { type: 'string' },
      'from-size': { type: 'string' },
      key: { type: 'string' },
      witness: { type: 'string', multiple: true },
      policy: { type: 'string' },
      since: { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      name: { type: 'string' },
      log: { type: 'string' },
      state: { type: 'string' },
      'log-key': { type: 'string' },
      json: { type: 'boolean' },
      verify: { type: 'boolean' },
      party: { type: 'string' },
      'min-severity': { type: 'string' },
    },
  });
  const [command, dir] = positionals;
  const checks = () => ({
    key: values.key ? verifierKey(values.key) : undefined,
    witnesses: (values.witness ?? []).map(verifierKey),
    policy: count(values.policy, '--policy'),
    since: (values.since ?? []).map(text),
  });
  const report = (r: VerifyReport) => {
    if (values.json) console.log(JSON.stringify(r, null, 2));
    else summarize(r).forEach((line) => (r.ok ? console.log(line) : console.error(line)));
    return r.ok ? 0 : 1;
  };
  if (command === 'export') {
    if (!values.api || !values.token || !values.out) throw new Error(usage);
    const manifest = await exportBundle(
      { api: values.api.replace(/\/$/, ''), token: values.token },
      values.out,
      { agreement: values.agreement, fromSize: count(values['from-size'], '--from-size') },
      progressBar('export'),
    );
    console.log(
      `exported ${manifest.entries} entries of ${manifest.origin} (checkpoint size ${manifest.size}) to ${values.out}`,
    );
    return 0;
  }
  if (command === 'verify' && dir) return report(await verifyBundle(dir, checks(), progressBar('verify')));
  if (command === 'audit') {
    const options = checks();
    if (!values['data-dir'] || !options.key) throw new Error(usage);
    return report(await auditDataDir(values['data-dir'], { ...options, key: options.key }, progressBar('audit')));
  }
  if (command === 'witness-keygen') {
    if (!values.name || !values.out) throw new Error(usage);
    const { secret, verifierKey } = newWitnessKey(values.name);
    writeFileSync(values.out, `${secret}\n`, { mode: 0o600 });
    console.log(verifierKey);
    return 0;
  }
  if (command === 'witness') {
    if (!values.log || !values.token || !values.key || !values.state) throw new Error(usage);
    const result = await witnessOnce({
      log: values.log.replace(/\/$/, ''),
      token: values.token,
      key: readWitnessKey(text(values.key)),
      stateFile: values.state,
      logKey: values['log-key'] ? text(values['log-key']).trim() : undefined,
    });
    console.log(`cosigned the checkpoint of size ${result.size}`);
    return 0;
  }
  if (command === 'follow') {
    if (!values.api || !values.token) throw new Error(usage);
    const abort = new AbortController();
    process.once('SIGINT', () => abort.abort());
    const query = {
      agreement: values.agreement,
      party: values.party,
      minSeverity: severity(values['min-severity']),
    };
    for await (const b of followBreaches({
      api: values.api.replace(/\/$/, ''),
      token: values.token,
      stateFile: values.state,
      verify: values.verify,
      logKey: values.key ? verifierKey(values.key) : undefined,
      query,
      signal: abort.signal,
    })) {
      const e = b.cloudEvent;
      const proven = b.verifiedAt === undefined ? '' : `  ✓ leaf ${b.verifiedAt}`;
      console.log(
        `${e.time}  ${e.type.split('.').pop()}  ${e.subject ?? ''}  ${e.parties ?? ''} ${e.severity ?? ''}${proven}`,
      );
    }
    return 0;
  }
  throw new Error(usage);
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
