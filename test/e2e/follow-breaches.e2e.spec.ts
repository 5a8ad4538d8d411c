import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FollowedBreach, followBreaches } from '../../apps/cli/src/follow/follow-breaches';
import { accessDenial, agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

describe('the reference subscriber (cli follow)', () => {
  let api: TestApi;
  const t: Record<string, string> = {};
  let incident: string;
  let n = 0;
  const stateFile = join(mkdtempSync(join(tmpdir(), 'ledger-follow-')), 'state.json');

  const deny = async () => {
    n += 1;
    const reply = await api.post(`/v1/incidents/${incident}/access-denials`, t.mon, accessDenial(n));
    return reply.body.events[0].eventId as string;
  };

  const take = async (count: number) => {
    const abort = new AbortController();
    const got: FollowedBreach[] = [];
    for await (const b of followBreaches({
      api: api.base,
      token: t.obs,
      stateFile,
      verify: true,
      signal: abort.signal,
      receiptWaitMs: 10_000,
    })) {
      got.push(b);
      if (got.length === count) abort.abort();
    }
    return got;
  };

  beforeAll(async () => {
    api = await TestApi.start({ CHECKPOINT_INTERVAL_MS: '100' });
    t.pk = await api.principal('PK', 'party', 'PK');
    t.mon = await api.principal('Monitor', 'monitor');
    t.tr = await api.principal('TR', 'mediator');
    t.obs = await api.principal('Follower', 'auditor');
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    incident = (await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport)).body.id;
    await api.post(`/v1/incidents/${incident}/triage`, t.mon, { decision: 'ADMISSIBLE', reason: 'x' });
    await api.post(`/v1/incidents/${incident}/investigation`, t.mon, {});
  });
  afterAll(() => api.stop());

  it('proves each breach against its receipt and the signed checkpoint, and resumes from its state file', async () => {
    const first = [await deny(), await deny()];
    const run1 = await take(2);
    expect(run1.map((b) => b.cloudEvent.id)).toEqual(first);
    expect(run1.every((b) => typeof b.verifiedAt === 'number')).toBe(true);
    const second = [await deny(), await deny()];
    const run2 = await take(2);
    expect(run2.map((b) => b.cloudEvent.id)).toEqual(second);
  });
});
