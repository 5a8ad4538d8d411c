import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

// Who may allege a breach under an agreement, and of what time, checked through the API (issue 13, defects 6 and 7).
describe('reporting an incident under an agreement', () => {
  let api: TestApi;
  let agreement: string;
  let pakistan: string;
  let india: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const mediator = await api.principal('TR mediator', 'mediator');
    pakistan = await api.principal('PK', 'party', 'PK');
    india = await api.principal('IN', 'party', 'IN');
    agreement = (await api.post('/v1/agreements', mediator, agreementBody)).body.id;
  });
  afterAll(() => api.stop());

  const incidents = async () => (await api.get(`/v1/agreements/${agreement}/incidents`, pakistan)).body.incidents;

  it('refuses an allegation from a party that is not a party to the agreement, and writes nothing', async () => {
    const reply = await api.post(`/v1/agreements/${agreement}/incidents`, india, raidReport);
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ rule: 'PartyPrincipalOfAgreement' });
    expect(await incidents()).toEqual([]);
  });

  it('refuses an incident dated before the agreement took effect, naming the field', async () => {
    const reply = await api.post(`/v1/agreements/${agreement}/incidents`, pakistan, {
      ...raidReport,
      occurredAt: '2025-10-18T12:00:00Z',
    });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ rule: 'OccurredUnderAgreement', field: 'occurredAt' });
    expect(await incidents()).toEqual([]);
  });

  it.each(['2025-11-31T12:00:00Z', '2025-10-30T24:00:00Z', '2025-02-29T12:00:00Z'])(
    'refuses %s, a time no calendar has, instead of recording the day after; writes nothing',
    async (occurredAt) => {
      const reply = await api.post(`/v1/agreements/${agreement}/incidents`, pakistan, { ...raidReport, occurredAt });
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
      expect(await incidents()).toEqual([]);
    },
  );

  it('refuses a description or place of white space only, naming the field; writes nothing', async () => {
    const reply = await api.post(`/v1/agreements/${agreement}/incidents`, pakistan, {
      ...raidReport,
      description: ' \n\t\u00a0 ',
      location: { ...raidReport.location, place: '   ' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      { field: 'location.place', message: 'location.place must not be blank' },
      { field: 'description', message: 'description must not be blank' },
    ]);
    expect(await incidents()).toEqual([]);
  });

  it.each([
    ['a provision the agreement lacks', { provisionsCited: ['P9'] }, 'ProvisionOfAgreement', 'provisionsCited'],
    ['a time still to come', { occurredAt: '2099-01-01T00:00:00Z' }, 'OccurredInThePast', 'occurredAt'],
    ['casualties out of order', { casualties: { low: 5, best: 3, high: 4 } }, 'CasualtiesOrdered', 'casualties'],
  ])('refuses %s with a 422 naming its rule and field', async (_name, change, rule, field) => {
    const reply = await api.post(`/v1/agreements/${agreement}/incidents`, pakistan, { ...raidReport, ...change });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ rule, field });
  });

  it('refuses an agreement one of whose parties would mediate it, naming the field', async () => {
    const mediator = await api.principal('QA mediator', 'mediator', 'QA');
    const reply = await api.post('/v1/agreements', mediator, { ...agreementBody, mediators: ['QA', 'PK'] });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ rule: 'MediatorIsNotAParty', field: 'mediators' });
  });

  it("accepts a party's report of an incident after the agreement took effect", async () => {
    expect((await api.post(`/v1/agreements/${agreement}/incidents`, pakistan, raidReport)).status).toBe(201);
  });

  it('marks a duplicate only of a case reported under the same agreement', async () => {
    const monitor = await api.principal('Monitor', 'monitor');
    const original = (await api.post(`/v1/agreements/${agreement}/incidents`, pakistan, raidReport)).body.id;
    const copy = (await api.post(`/v1/agreements/${agreement}/incidents`, pakistan, raidReport)).body.id;
    const triage = (duplicateOf: string) =>
      api.post(`/v1/incidents/${copy}/triage`, monitor, { decision: 'DUPLICATE', duplicateOf, reason: 'Same raid' });
    const unknown = await triage('0198c9a0-0000-7000-8000-000000000000');
    expect(unknown).toMatchObject({ status: 422, body: { rule: 'DuplicateOfKnownCase' } });
    expect((await triage(original)).status).toBe(201);
  });
});
