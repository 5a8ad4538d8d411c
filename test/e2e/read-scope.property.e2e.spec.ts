import fc from 'fast-check';
import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

const LEVELS = ['PUBLIC', 'PARTIES', 'MECHANISM', 'RESTRICTED'] as const;
const READERS = ['pk', 'af', 'outsider', 'monitor', 'mediator', 'auditor', 'observer'] as const;
type Reader = (typeof READERS)[number];
const clearance: Record<Reader, number> = {
  observer: 0,
  pk: 1,
  af: 1,
  outsider: 0,
  auditor: 2,
  monitor: 3,
  mediator: 3,
};

/**
 * Issue 14: for random cases (level, interviews, draft or adopted findings) and random readers, no read
 * route returns anything above the reader's level. Each value carries its level in its text, so a leak
 * is seen wherever it lands in a body.
 */
describe('read scope (property)', () => {
  let api: TestApi;
  let tokens: Awaited<ReturnType<TestApi['readers']>>;
  let qa: string;
  let mon2: string;
  let agreement: string;

  beforeAll(async () => {
    api = await TestApi.start();
    tokens = await api.readers();
    ({ qatar: qa, monitor2: mon2 } = tokens);
    agreement = (await api.post('/v1/agreements', tokens.mediator, agreementBody)).body.id;
  });
  afterAll(() => api.stop());

  it('never lets a reader see above its level, on any read route', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          level: fc.constantFrom(...LEVELS),
          interview: fc.boolean(),
          finding: fc.constantFrom('none', 'draft', 'adopted'),
          reader: fc.constantFrom(...READERS),
        }),
        async ({ level, interview, finding, reader }) => {
          n += 1;
          const tag = `case${n}`;
          const id = (await api.post(`/v1/agreements/${agreement}/incidents`, tokens.pk, raidReport)).body.id;
          const step = (path: string, token: string, body: unknown) =>
            api.post(`/v1/incidents/${id}/${path}`, token, body);
          await step('triage', tokens.monitor, { decision: 'ADMISSIBLE', reason: 'r' });
          await step('investigation', tokens.monitor, {});
          if (interview)
            await step('interviews', tokens.monitor, {
              interviewId: 'w1',
              witness: { name: `RESTRICTED-witness-${tag}` },
              summary: `MECHANISM-summary-${tag}`,
            });
          if (finding !== 'none') {
            await step('findings', tokens.monitor, {
              findingId: 'f1',
              outcome: 'NO_VIOLATION',
              attributedParties: [],
              confidence: 'CREDIBLE',
              rationale: finding === 'draft' ? `MECHANISM-draft-${tag}` : `PARTIES-adopted-${tag}`,
            });
            await step('findings/f1/endorsement', mon2, {});
            if (finding === 'adopted') {
              await step('findings/f1/adoption', tokens.mediator, {});
              await step('findings/f1/adoption', qa, {});
            }
          }
          if (level !== 'PARTIES')
            await step('classification', level === 'PUBLIC' ? qa : tokens.monitor, { level, reason: 'r' });
          const head = (await api.get('/health')).body.store.head;
          await api.get(`/v1/incidents/${id}?minPosition=${head}`, tokens.monitor);
          const bodies = await Promise.all(
            [
              `/v1/incidents/${id}`,
              `/v1/incidents/${id}/history`,
              `/v1/agreements/${agreement}/incidents?limit=1000`,
              `/v1/agreements/${agreement}/timeline?format=ndjson`,
            ].map(async (path) => JSON.stringify((await api.get(path, tokens[reader])).body)),
          );
          const seen = bodies.join('\n');
          const caseLevel = LEVELS.indexOf(level);
          const mayCase = reader === 'outsider' ? level === 'PUBLIC' : clearance[reader] >= caseLevel;
          for (const [marker, needs] of [
            [`RESTRICTED-witness-${tag}`, 3],
            [`MECHANISM-summary-${tag}`, 2],
            [`MECHANISM-draft-${tag}`, 2],
            [`PARTIES-adopted-${tag}`, 0],
          ] as const)
            if (!mayCase || clearance[reader] < needs)
              expect({ reader, level, marker, leaked: seen.includes(marker) }).toEqual({
                reader,
                level,
                marker,
                leaked: false,
              });
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
