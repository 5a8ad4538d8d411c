import 'reflect-metadata';
import { appConfigFromEnv } from './config/app.config';
import { consoleBuilt } from './console/serve-console';
import { createApp } from './create-app';
import { protectDataDir } from './config/data-dir-permissions';
import { holdInstanceLock, holdReplicaDir } from './config/instance-lock';
import { unsupportedNodeProblem } from './config/supported-node';

const main = async () => {
  const nodeProblem = unsupportedNodeProblem();
  if (nodeProblem) throw new Error(nodeProblem);
  let generatedAdminToken: string | undefined;
  // A generated admin token is shown once the server listens, on its own, not among the start-up lines.
  const config = { ...appConfigFromEnv(), announceAdminToken: (token: string) => (generatedAdminToken = token) };
  protectDataDir(config.dataDir);
  if (config.role === 'all') holdInstanceLock(config.dataDir);
  else config.readModelsDir = holdReplicaDir(config.dataDir);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  process.stderr.write(
    [
      '',
      config.role === 'worker'
        ? `Ceasefire Ledger worker (signing, deadlines, webhook delivery) serves /health and /metrics on ${url}`
        : `Ceasefire Ledger is listening on ${url}  (API and its OpenAPI document: ${url}/docs)`,
      ...(config.role !== 'worker' && consoleBuilt(config.consoleDir)
        ? [`The console: ${url}/console/  (sign in with a principal's token)`]
        : []),
      ...(generatedAdminToken
        ? [
            'No ADMIN_TOKEN was set, so one was generated. It is shown this once; only its hash is kept in DATA_DIR:',
            '',
            `    ADMIN_TOKEN=${generatedAdminToken}`,
            '',
          ]
        : []),
      '',
    ].join('\n'),
  );
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', message: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exit(1);
});
