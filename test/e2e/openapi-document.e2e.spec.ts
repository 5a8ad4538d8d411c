import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentText, openApiDocument } from '../../apps/api/src/http/contract/openapi-document';

// Issue 16: the committed document and the typed client are what the code makes; `npm run openapi` renews both.
describe('the committed OpenAPI document and typed client', () => {
  let made: Record<string, any>;
  beforeAll(async () => {
    made = (await openApiDocument()) as Record<string, any>;
  });

  it('docs/openapi.json is the document the code makes (run `npm run openapi` after changing the API)', () => {
    const committed = readFileSync(join(process.cwd(), 'docs/openapi.json'), 'utf8');
    expect(committed === documentText(made)).toBe(true);
  });

  it('libs/api-client is generated from it (run `npm run openapi`)', () => {
    const generated = execFileSync(join(process.cwd(), 'node_modules/.bin/openapi-typescript'), ['docs/openapi.json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const committed = readFileSync(join(process.cwd(), 'libs/api-client/src/openapi.types.ts'), 'utf8');
    expect(committed.trim() === generated.trim()).toBe(true);
  });

  it('gives every request and response class its own name (two of one name would share one schema)', () => {
    const names = execFileSync('grep', ['-rhoE', 'export class [A-Za-z]+', 'apps/api/src'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace('export class ', ''))
      .filter((name) => /(Dto|Params)$/.test(name));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('names every operation for its use case, once, and documents its answers', () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(made.paths))
      for (const [method, operation] of Object.entries<Record<string, any>>(item)) {
        ids.push(operation.operationId);
        expect([method, path, operation.operationId]).toEqual([
          method,
          path,
          expect.stringMatching(/^[a-z][A-Za-z]+$/),
        ]);
        const success = Object.keys(operation.responses).filter((s) => /^2/.test(s));
        expect([path, success.length]).toEqual([path, 1]);
        const errors = Object.keys(operation.responses).filter((s) => /^[45]/.test(s));
        // Each error is a shared problem response (health's 503 answers its own report instead).
        for (const status of errors)
          expect([path, status, operation.responses[status].$ref ?? operation.responses[status].content]).toEqual([
            path,
            status,
            expect.anything(),
          ]);
      }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
