/**
 * npm run demo — the Pakistan–Afghanistan case of ../shared/seed, driven through the real HTTP API
 * of a freshly started server on an empty data directory. Ends with the compliance table.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTheCase } from './istanbul-case';

const PORT = Number(process.env.DEMO_PORT ?? 3100);

const startServer = (dataDir: string, adminToken: string): ChildProcess =>
  spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

const waitForHealth = async (base: string) => {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not answer /health');
};

const main = async () => {
  const dataDir = process.env.DEMO_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ceasefire-demo-'));
  const adminToken = randomBytes(24).toString('base64url');
  const base = `http://127.0.0.1:${PORT}`;
  const server = startServer(dataDir, adminToken);
  try {
    await waitForHealth(base);
    const { agreementId, tokens, beforeDispute } = await runTheCase(base, adminToken, (line) => console.log(line));
    console.log(`\nWhere to look next (the data stays in ${dataDir}):`);
    console.log(`  DATA_DIR=${dataDir} ADMIN_TOKEN=${adminToken} PORT=${PORT} npm start`);
    console.log(`  ${base}/console/   the console: sign in as the mediator (${tokens.turkiye})`);
    console.log(`                     or as the auditor (${tokens.auditor})`);
    console.log(`  then, with  -H "Authorization: Bearer ${tokens.auditor}"  (the auditor's token):`);
    console.log(`  ${base}/docs                                        the API`);
    console.log(`  ${base}/v1/agreements/${agreementId}/compliance      compliance now`);
    console.log(
      `  ${base}/v1/agreements/${agreementId}/compliance?atPosition=${beforeDispute}   as it stood before the dispute`,
    );
    console.log(`  ${base}/v1/agreements/${agreementId}/incidents       the cases`);
    console.log(`  ${base}/v1/agreements/${agreementId}/timeline?format=csv   the auditor's export, with hashes`);
  } finally {
    server.kill('SIGTERM');
  }
};

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
