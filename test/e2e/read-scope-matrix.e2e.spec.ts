import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

type Who = 'pk' | 'af' | 'outsider' | 'monitor' | 'mediator' | 'auditor' | 'observer' | 'admin';
const EVERYONE: Who[] = ['pk', 'af', 'outsider', 'monitor', 'mediator', 'auditor', 'observer', 'admin'];
const SECRET_SUMMARY = 'Interview summary: the convoy left at dusk';
const WITNESS_NAME = 'Zarmina Durrani';
const DRAFT_RATIONALE = 'Draft rationale: tracks lead north';

/**
 * Issue 14: every read route that carries case content × every role × each case level, asserted on the
 * bodies: what a reader may not see never appears in what it gets.
 */
describe('read scope: every read route × every role × each level', () => {
  let api: TestApi;
  let tokens: Awaited<ReturnType<TestApi['readers']>>;
  let agreement: string;
  const cases = {} as Record<'PARTIES' | 'MECHANISM' | 'RESTRICTED' | 'PUBLIC', string>;

  beforeAll(async () => {
    api = await TestApi.start();
    tokens = await api.readers();
    const { qatar: qa, monitor2: mon2 } = tokens;
    agreement = (await api.post('/v1/agreements', tokens.mediator, agreementBody)).body.id;
    for (const level of ['PARTIES', 'MECHANISM', 'RESTRICTED', 'PUBLIC'] as const) {
      const id = (await api.post(`/v1/agreements/${agreement}/incidents`, tokens.pk, raidReport)).body.id;
      const step = (path: string, token: string, body: unknown) => api.post(`/v1/incidents/${id}/${path}`, token, body);
      await step('triage', tokens.monitor, { decision: 'ADMISSIBLE', reason: 'r' });
      await step('investigation', tokens.monitor, {});
      await step('interviews', tokens.monitor, {
        interviewId: 'w1',
        witness: { name: WITNESS_NAME },
        summary: SECRET_SUMMARY,
      });
      await step('findings', tokens.monitor, {
        findingId: 'f1',
        outcome: 'NO_VIOLATION',
        attributedParties: [],
        confidence: 'CREDIBLE',
        rationale: DRAFT_RATIONALE,
      });
      await step('findings/f1/endorsement', mon2, {});
      if (level !== 'PARTIES')
        await step('classification', level === 'PUBLIC' ? qa : tokens.monitor, { level, reason: 'r' });
      cases[level] = id;
    }
  });
  afterAll(() => api.stop());

  const seesCase = (who: Who, level: keyof typeof cases): boolean =>
    ({
      PUBLIC: true,
      PARTIES: ['pk', 'af', 'monitor', 'mediator', 'auditor', 'admin'].includes(who),
      MECHANISM: ['monitor', 'mediator', 'auditor', 'admin'].includes(who),
      RESTRICTED: ['monitor', 'mediator'].includes(who),
    })[level];
  const seesMechanism = (who: Who) => ['monitor', 'mediator', 'auditor', 'admin'].includes(who);
  const seesWitness = (who: Who) => ['monitor', 'mediator'].includes(who);

  const reads = (id: string) => [
    `/v1/incidents/${id}`,
    `/v1/incidents/${id}/history`,
    `/v1/agreements/${agreement}/incidents?limit=1000`,
    `/v1/agreements/${agreement}/timeline?format=ndjson`,
  ];

  for (const level of ['PARTIES', 'MECHANISM', 'RESTRICTED', 'PUBLIC'] as const)
    for (const who of EVERYONE)
      it(`${level} case, read by ${who}`, async () => {
        const head = (await api.get('/health')).body.store.head;
        await api.get(`/v1/incidents/${cases[level]}?minPosition=${head}`, tokens.monitor);
        const [file, history, list, timeline] = await Promise.all(
          reads(cases[level]).map((p) => api.get(p, tokens[who])),
        );
        const everything = [file, history, list, timeline].map((r) => JSON.stringify(r.body)).join('\n');
        const listed = JSON.stringify(list.body).includes(cases[level]);
        if (!seesCase(who, level)) {
          expect({ who, file: file.status, history: history.status, listed }).toEqual({
            who,
            file: 404,
            history: 404,
            listed: false,
          });
          expect(JSON.stringify(timeline.body)).not.toContain(cases[level]);
          return;
        }
        expect({ who, file: file.status, history: history.status, listed }).toEqual({
          who,
          file: 200,
          history: 200,
          listed: true,
        });
        expect({ who, summary: everything.includes(SECRET_SUMMARY) }).toEqual({ who, summary: seesMechanism(who) });
        expect({ who, draft: everything.includes(DRAFT_RATIONALE) }).toEqual({ who, draft: seesMechanism(who) });
        expect({ who, witness: everything.includes(WITNESS_NAME) }).toEqual({ who, witness: seesWitness(who) });
      });

  it("an agreement's compliance reads as its commitments do: for its parties and the mechanism only", async () => {
    // The report names the cases behind each status, whatever their level: not the public's to read here
    // (it reads the mediators' published statements), nor another agreement's parties'.
    const at = (await api.get('/health')).body.store.head as string;
    for (const who of EVERYONE) {
      const [live, then] = await Promise.all([
        api.get(`/v1/agreements/${agreement}/compliance?minPosition=${at}`, tokens[who]),
        api.get(`/v1/agreements/${agreement}/compliance?atPosition=${at}`, tokens[who]),
      ]);
      const status = ['outsider', 'observer'].includes(who) ? 404 : 200;
      expect({ who, live: live.status, then: then.status }).toEqual({ who, live: status, then: status });
    }
  });

  it("a commitment reads as its agreement's commitment list does: for the parties and the mechanism only", async () => {
    const commitment = await api.post(`/v1/agreements/${agreement}/commitments`, tokens.mediator, {
      obligor: 'AF',
      title: 'Withdraw heavy weapons',
      indicator: 'positions',
      target: 1,
      unit: 'positions',
      dueAt: '2030-01-01T00:00:00Z',
      evidenceRequired: 'monitor visit',
    });
    expect(commitment.status).toBe(201);
    const seen = async (who: Who) => {
      const [one, list] = await Promise.all([
        api.get(`/v1/commitments/${commitment.body.id}?minPosition=${commitment.body.position}`, tokens[who]),
        api.get(`/v1/agreements/${agreement}/commitments?minPosition=${commitment.body.position}`, tokens[who]),
      ]);
      return { who, one: one.status, list: list.status };
    };
    for (const who of EVERYONE) {
      const status = ['outsider', 'observer'].includes(who) ? 404 : 200;
      expect(await seen(who)).toEqual({ who, one: status, list: status });
    }
  });
});
