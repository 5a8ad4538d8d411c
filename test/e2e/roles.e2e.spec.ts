import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { auditDataDir } from '../../apps/cli/src/verify/audit-data-dir';
import { ApiProcess } from './support/api-process';
import { accessDenial, agreementBody, raidReport } from './support/case-data';
import { ADMIN_TOKEN } from './support/test-api';
import { until } from './support/until';
import { WebhookReceiver } from './support/webhook-receiver';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two api processes and a worker on one DATA_DIR, the worker replaced halfway: writes through both APIs, each
 * reads the other's, one webhook processes every breach once and in order, one signer at a time, deadlines once.
 */
describe('api and worker roles on one record', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-roles-'));
  const common = {
    DATA_DIR: dataDir,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RETRY_SCHEDULE_MS: Array(20).fill(200).join(','),
    CHECKPOINT_INTERVAL_MS: '200',
    SCHEDULER_INTERVAL_MS: '200',
    LEASE_TTL_MS: '1500',
  };
  const processes: ApiProcess[] = [];
  let receiver: WebhookReceiver;
  const start = async (role: string) => {
    const p = await ApiProcess.create({ ...common, ROLE: role });
    await p.start();
    processes.push(p);
    return p;
  };

  beforeAll(() => ApiProcess.build(), 300_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await receiver?.stop();
  });

  it('share the record and its duties, one holder at a time, across a change of worker', async () => {
    receiver = await WebhookReceiver.start();
    const [api1, api2, worker1] = await Promise.all([start('api'), start('api'), start('worker')]);

    // The worker serves its health and metrics, not the API.
    expect((await worker1.request('GET', '/v1/agreements', ADMIN_TOKEN)).status).toBe(404);
    expect((await fetch(`${worker1.base}/health/live`)).status).toBe(200);

    // Principals registered through one API are known to the other at once.
    const tr = await api1.principal('TR', 'mediator');
    const pk = await api2.principal('PK', 'party', 'PK');
    const mon = await api1.principal('Monitor', 'monitor');
    const agreement = await api2.request('POST', '/v1/agreements', tr, agreementBody);
    expect(agreement.status).toBe(201);
    const agreementId = agreement.body.id as string;
    const incident = await api1.request('POST', `/v1/agreements/${agreementId}/incidents`, pk, raidReport);
    expect(incident.status).toBe(201);
    const read = await api2.request(
      'GET',
      `/v1/incidents/${incident.body.id}?minPosition=${incident.body.position}`,
      mon,
    );
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('REPORTED');
    await api2.request('POST', `/v1/incidents/${incident.body.id}/triage`, mon, {
      decision: 'ADMISSIBLE',
      reason: 'x',
    });
    await api1.request('POST', `/v1/incidents/${incident.body.id}/investigation`, mon, {});

    // A webhook registered through an API is delivered by the worker.
    // Access denials only: the commitment's missed deadline below is a breach too, due at a moment the test does not fix.
    const hook = await api2.request('POST', '/v1/webhooks', tr, { url: receiver.url, types: ['AccessDenied'] });
    expect(hook.status).toBe(201);
    receiver.secrets = [hook.body.secret];
    const expected: string[] = [];
    const deny = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const api = expected.length % 2 ? api1 : api2;
        const reply = await api.request(
          'POST',
          `/v1/incidents/${incident.body.id}/access-denials`,
          mon,
          accessDenial(expected.length + 1, i % 2 ? 'PK' : 'AF'),
        );
        expect(reply.status).toBe(201);
        expected.push(reply.body.events[0].eventId);
      }
    };
    const dueAt = Date.now() + 3000;
    // A commitment due in three seconds: its deadline is recorded once, by the scheduler's holder.
    const commitment = await api1.request('POST', `/v1/agreements/${agreementId}/commitments`, tr, {
      obligor: 'AF',
      title: 'Withdraw heavy weapons',
      indicator: 'positions',
      target: 1,
      unit: 'positions',
      dueAt: new Date(dueAt).toISOString(),
      evidenceRequired: 'monitor visit',
    });
    expect(commitment.status).toBe(201);

    await deny(10);
    await until(() => receiver.processed.length === 10, 30_000, 'the first ten breaches');
    const heldBefore = Date.now();
    const arrivedBeforeKill = receiver.arrivals.length;
    await worker1.kill();
    await deny(5);
    const worker2 = await start('worker');
    await deny(5);
    await until(() => receiver.processed.length === expected.length, 30_000, 'every breach, after the new worker');

    expect(receiver.processed.map((p) => p.id)).toEqual(expected);
    expect(receiver.arrivals.every((a) => a.verified)).toBe(true);
    // Delivery is at least once: a worker killed between the receiver's answer and its own record of it sends that
    // webhook again, and only that one. Every other breach arrives exactly once, in order.
    const arrivalIds = receiver.arrivals.map((a) => a.id);
    expect([...new Set(arrivalIds)]).toEqual(expected);
    const repeated = arrivalIds.filter((id, i) => arrivalIds.indexOf(id) !== i);
    expect(repeated.length).toBeLessThanOrEqual(1);
    for (const id of repeated) expect(arrivalIds.slice(0, arrivedBeforeKill).at(-1)).toBe(id);
    expect(Date.now() - heldBefore).toBeLessThan(20_000);

    // The deadline became one event, though two workers held the scheduler in turn and kept ticking.
    await sleep(Math.max(0, dueAt + 2000 - Date.now()));
    const events = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const missed = events.prepare("SELECT count(*) AS n FROM events WHERE type = 'CommitmentDeadlineMissed'").get() as {
      n: number;
    };
    events.close();
    expect(missed.n).toBe(1);

    // Checkpoints: strictly growing, each extending the one before, all verifying under the one log key.
    const health = (await (await fetch(`${api1.base}/health`)).json()) as { store: { head: string } };
    const head = health.store.head;
    await api2.request('GET', `/v1/agreements/${agreementId}?minPosition=${head}`, tr);
    await sleep(1000);
    const key = (await (await fetch(`${api2.base}/v1/ledger/key`)).text()).trim();
    expect((await (await fetch(`${api1.base}/v1/ledger/key`)).text()).trim()).toBe(key);
    expect(await auditDataDir(dataDir, { key })).toMatchObject({ ok: true });
    // The new worker holds every duty now; the API processes never sought one.
    const leases = new Database(join(dataDir, 'leases.sqlite'), { readonly: true });
    const holders = leases.prepare('SELECT duty, holder, term FROM leases ORDER BY duty').all() as {
      holder: string;
      term: number;
    }[];
    leases.close();
    expect(holders).toHaveLength(3);
    for (const h of holders) {
      expect(h.holder.split(':')[1]).toBe(String(worker2.pid));
      expect(h.term).toBe(2);
    }
    // A receipt from either API proves inclusion in a checkpoint that API's tree covers.
    const receipt = await fetch(`${api1.base}/v1/events/${expected[0]}/receipt`, {
      headers: { authorization: `Bearer ${mon}` },
    });
    expect(receipt.status).toBe(200);
  }, 180_000);
});
