/**
 * ceasefire-ledger CLI: `export` a bundle from a running API, `verify` one offline, run a `witness`.
 *   npm run cli -- export --api http://localhost:3000 --token T --out DIR
 *   npm run cli -- verify DIR [--key FILE] [--json]
 *   npm run cli -- witness-keygen --name NAME --out FILE      (prints the verifier key to register)
 *   npm run cli -- witness --log URL --token T --key FILE --state FILE [--log-key FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportBundle } from './export/export-bundle';
import { progressBar } from './progress-bar';
import { verifyBundle } from './verify/verify-bundle';
import { newWitnessKey, readWitnessKey } from './witness/witness-key';
import { witnessOnce } from './witness/witness-once';

const usage =
  'usage: ceasefire-ledger export --api URL --token T --out DIR | verify DIR [--key FILE] [--json] | witness-keygen --name NAME --out FILE | witness --log URL --token T --key FILE --state FILE [--log-key FILE]';

const main = async (): Promise<number> => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      key: { type: 'string' },
      name: { type: 'string' },
      log: { type: 'string' },
      state: { type: 'string' },
      'log-key': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [command, dir] = positionals;
  if (command === 'export') {
    if (!values.api || !values.token || !values.out) throw new Error(usage);
    const manifest = await exportBundle(
      { api: values.api.replace(/\/$/, ''), token: values.token },
      values.out,
      progressBar('export'),
    );
    console.log(`exported ${manifest.size} entries of ${manifest.origin} to ${values.out}`);
    return 0;
  }
  if (command === 'verify' && dir) {
    const report = await verifyBundle(
      dir,
      values.key ? readFileSync(values.key, 'utf8') : undefined,
      progressBar('verify'),
    );
    report.warnings.forEach((w) => console.error(`warning: ${w}`));
    if (!report.ok) {
      report.problems.forEach((p) => console.error(`FAIL: ${p}`));
      return 1;
    }
    console.log(
      `OK: ${report.size} entries of ${report.origin} in ${report.streams} streams; signed root recomputed, every chain intact`,
    );
    return 0;
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
      key: readWitnessKey(readFileSync(values.key, 'utf8')),
      stateFile: values.state,
      logKey: values['log-key'] ? readFileSync(values['log-key'], 'utf8').trim() : undefined,
    });
    console.log(`cosigned the checkpoint of size ${result.size}`);
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
