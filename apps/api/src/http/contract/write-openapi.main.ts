import { writeFileSync } from 'node:fs';
import { documentText, openApiDocument } from './openapi-document';

/** `npm run openapi`: docs/openapi.json from the code (the typed client is then generated from it). */
openApiDocument()
  .then((document) => {
    const out = process.argv[2] ?? 'docs/openapi.json';
    writeFileSync(out, documentText(document));
    process.stdout.write(`wrote ${out}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
