import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appConfigFromEnv } from '../../config/app.config';
import { createApp } from '../../create-app';

/**
 * The OpenAPI document the code makes, from an app on a throwaway data directory. `npm run openapi` writes the OpenAPI document the code makes to docs/openapi.json (and the typed client
 * is generated from it). A test fails while the committed file differs from what the code makes.
 */
export const openApiDocument = async (): Promise<object> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  // The first start of a data directory takes its admin token from the environment (else prints a new one).
  const adminToken = process.env.ADMIN_TOKEN;
  process.env.ADMIN_TOKEN = randomBytes(24).toString('hex');
  const app = await createApp(
    appConfigFromEnv({ DATA_DIR: dataDir, PORT: '0', SCHEDULER_INTERVAL_MS: '0', CHECKPOINT_INTERVAL_MS: '0' }),
    { logger: false, docsUi: false },
  ).finally(() => {
    if (adminToken === undefined) delete process.env.ADMIN_TOKEN;
    else process.env.ADMIN_TOKEN = adminToken;
  });
  try {
    await app.listen(0, '127.0.0.1');
    return (await (await fetch(`${await app.getUrl()}/docs/openapi.json`)).json()) as object;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export const documentText = (document: object): string => `${JSON.stringify(document, null, 2)}\n`;
