import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { SUBJECT_KEYS, type SubjectKeyStore } from '../../apps/api/src/confidential/subject-key.store';
import { CheckpointSigner } from '../../apps/api/src/ledger/checkpoint-signer';
import { exportBundle } from '../../apps/cli/src/export/export-bundle';
import { auditDataDir } from '../../apps/cli/src/verify/audit-data-dir';
import { verifyBundle } from '../../apps/cli/src/verify/verify-bundle';
import { summarize } from '../../apps/cli/src/verify/verify-summary';
import { agreementBody, raidReport } from './support/case-data';
import { follow, type Received } from './support/feed-client';
import { TestApi } from './support/test-api';
import { until } from './support/until';

const WITNESS = { name: 'Gul Khan', contact: '+93 70 123 4567' };

// Issue 14: a protected witness on the record — sealed, scoped, erasable — and the record still verifies.
describe('a protected witness on the record', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>> & { aud: string; obs: string };
  let incident: string;
  let subjectKeyId: string;
  let sourceRef: string;

  beforeAll(async () => {
    api = await TestApi.start();
    t = {
      ...(await api.caseCast()),
      aud: await api.principal('Auditor', 'auditor'),
      obs: await api.principal('Journalist', 'observer'),
    };
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    incident = (await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport)).body.id;
    await api.post(`/v1/incidents/${incident}/triage`, t.mon1, { decision: 'ADMISSIBLE', reason: 'Specific' });
    await api.post(`/v1/incidents/${incident}/investigation`, t.mon1, {});
    const source = await api.post('/v1/sources', t.mon1, {
      identity: 'Border guard, Torkham',
      consent: 'LIMITED',
      risk: 'HIGH',
    });
    expect(source.status).toBe(201);
    sourceRef = source.body.sourceRef;
    const recorded = await api.post(`/v1/incidents/${incident}/interviews`, t.mon1, {
      interviewId: 'w1',
      witness: WITNESS,
      sourceRef,
      summary: 'Saw armed men cross from the Afghan side at 22:30.',
    });
    expect(recorded.status).toBe(201);
    subjectKeyId = recorded.body.subjectKeyId;
  });
  afterAll(() => api.stop());

  const caseFile = async (token: string) => {
    const head = (await api.get('/health')).body.store.head;
    return api.get(`/v1/incidents/${incident}?minPosition=${head}`, token);
  };

  it('never writes the witness or the source in clear to the log', async () => {
    let log = '';
    for await (const e of api.app.get<EventStore>(EVENT_STORE).readAll()) log += e.canonical;
    expect(log).not.toContain(WITNESS.name);
    expect(log).not.toContain(WITNESS.contact);
    expect(log).not.toContain('Border guard, Torkham');
    expect(log).toContain(sourceRef);
  });

  it('shows each reader exactly what its level allows', async () => {
    const monitor = (await caseFile(t.mon1)).body;
    expect(monitor.interviews[0]).toMatchObject({ witness: WITNESS, source: { ref: sourceRef } });
    const auditor = (await caseFile(t.aud)).body;
    expect(auditor.interviews[0].witness).toEqual({ withheld: true });
    const party = await caseFile(t.af);
    expect(party.status).toBe(200);
    expect(party.body.interviews).toEqual([]);
    expect(JSON.stringify(party.body)).not.toContain('Saw armed men');
    expect((await caseFile(t.obs)).status).toBe(404);
    const history = (await api.get(`/v1/incidents/${incident}/history`, t.af)).body.events;
    expect(history.map((e: { type: string }) => e.type)).not.toContain('InterviewRecorded');
    expect(JSON.stringify(history)).not.toContain('Saw armed men');
    expect((await api.get(`/v1/sources/${sourceRef}`, t.af)).status).toBe(403);
    expect((await api.get(`/v1/sources/${sourceRef}`, t.tr)).body).toMatchObject({ identity: 'Border guard, Torkham' });
    const observerList = (await api.get(`/v1/agreements/${monitor.agreementId}/incidents`, t.obs)).body.incidents;
    expect(observerList).toEqual([]);
    // The event feed, caught up from the start: the auditor gets the interview (sealed), the party the report only.
    const received = (token: string) => {
      const got: Received[] = [];
      const feed = follow(`${api.base}/v1/feeds/events?types=IncidentReported,InterviewRecorded`, token, (m) =>
        got.push(m),
      );
      feed.listen('org.ceasefireledger.mvm.IncidentReported');
      feed.listen('org.ceasefireledger.mvm.InterviewRecorded');
      return { got, feed, of: () => got.filter((m) => m.data.subject === `incidents/${incident}`).map((m) => m.type) };
    };
    const [auditorFeed, partyFeed, observerFeed] = [received(t.aud), received(t.af), received(t.obs)];
    await until(() => auditorFeed.of().length === 2 && partyFeed.of().length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(auditorFeed.of()).toEqual([
      'org.ceasefireledger.mvm.IncidentReported',
      'org.ceasefireledger.mvm.InterviewRecorded',
    ]);
    expect(JSON.stringify(auditorFeed.got)).not.toContain(WITNESS.name);
    expect(partyFeed.of()).toEqual(['org.ceasefireledger.mvm.IncidentReported']);
    expect(observerFeed.of()).toEqual([]);
    for (const f of [auditorFeed, partyFeed, observerFeed]) f.feed.source.close();
    const timeline = async (token: string) =>
      (await api.get(`/v1/agreements/${monitor.agreementId}/timeline?format=json`, token)).body.map(
        (e: { type: string }) => e.type,
      );
    expect(await timeline(t.aud)).toContain('InterviewRecorded');
    expect(await timeline(t.af)).not.toContain('InterviewRecorded');
    expect(await timeline(t.af)).toContain('IncidentReported');
    expect(await timeline(t.obs)).not.toContain('IncidentReported');
  });

  it('erases the witness by shredding its key; the log, the export and the audit still verify', async () => {
    expect((await api.post(`/v1/subject-keys/${subjectKeyId}/shredding`, t.af, { reason: 'x' })).status).toBe(403);
    const keyBytes = api.app.get<SubjectKeyStore>(SUBJECT_KEYS).get(subjectKeyId) as Buffer;
    expect(keyBytes).toHaveLength(32);
    const shred = await api.post(`/v1/subject-keys/${subjectKeyId}/shredding`, t.tr, {
      reason: 'Erasure requested by the witness through the MVM secretariat',
    });
    expect(shred.status).toBe(201);
    expect((await caseFile(t.mon1)).body.interviews[0].witness).toEqual({ erased: true, subjectKeyId });
    const history = (await api.get(`/v1/incidents/${incident}/history`, t.tr)).body.events;
    const lastStep = await api.get(`/v1/incidents/${incident}/history/${history.at(-1).revision}`, t.tr);
    expect(lastStep.body.stateAfter.interviews[0].witness).toEqual({ erased: true, subjectKeyId });
    // The history's changes show the witness as the reader may see it now: erased, never the sealed or opened text.
    const added = history.flatMap((e: { changes: { path: string; value: unknown }[] }) => e.changes);
    expect(JSON.stringify(added)).not.toContain('sealed');
    // The key is gone from the key store's file and its write-ahead log (secure_delete, checkpointed).
    for (const file of ['subject-keys.sqlite', 'subject-keys.sqlite-wal'])
      expect(readFileSync(join(api.dataDir, file)).includes(keyBytes)).toBe(false);

    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
    await api.app.get(CheckpointSigner).sign();
    const key = (await api.get('/v1/ledger/key', t.aud)).body;
    const bundle = mkdtempSync(join(tmpdir(), 'shredded-bundle-'));
    await exportBundle({ api: api.base, token: t.aud }, bundle);
    expect(await verifyBundle(bundle, { key })).toMatchObject({ ok: true });
    expect(await auditDataDir(api.dataDir, { key })).toMatchObject({ ok: true });
  });

  it('exports for each audience only what it may read, and each bundle still verifies', async () => {
    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
    await api.app.get(CheckpointSigner).sign();
    const key = (await api.get('/v1/ledger/key', t.aud)).body;
    const exported = async (token: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'audience-bundle-'));
      await exportBundle({ api: api.base, token }, dir);
      return { dir, text: readFileSync(join(dir, 'entries.jsonl'), 'utf8') };
    };
    const forParty = await exported(t.af);
    expect(forParty.text).not.toContain('Saw armed men');
    expect(forParty.text).toContain('"withheld"');
    const partyReport = await verifyBundle(forParty.dir, { key });
    expect(partyReport).toMatchObject({ ok: true });
    const partyWithheld = Object.values(partyReport.withheld ?? {}).reduce((a, b) => a + b, 0);
    expect(partyWithheld).toBeGreaterThan(0);
    expect(summarize(partyReport).join('\n')).toMatch(/entries withheld from this bundle's audience/);
    const forObserver = await verifyBundle((await exported(t.obs)).dir, { key });
    expect(forObserver).toMatchObject({ ok: true });
    expect(Object.values(forObserver.withheld ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(partyWithheld);
    const forMonitor = await verifyBundle((await exported(t.mon1)).dir, { key });
    expect(forMonitor).toMatchObject({ ok: true, withheld: {} });
    // A withheld entry's hash that was tampered with no longer gives the signed root.
    const tampered = await exported(t.af);
    const lines = tampered.text.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('{"withheld"'));
    lines[at] = lines[at].replace(/"leafHash":"(.)/, (_m, c: string) => `"leafHash":"${c === '0' ? '1' : '0'}`);
    writeFileSync(join(tampered.dir, 'entries.jsonl'), `${lines.join('\n')}\n`);
    const manifest = JSON.parse(readFileSync(join(tampered.dir, 'manifest.json'), 'utf8'));
    manifest.files['entries.jsonl'] = createHash('sha256')
      .update(`${lines.join('\n')}\n`)
      .digest('hex');
    writeFileSync(join(tampered.dir, 'manifest.json'), JSON.stringify(manifest));
    expect(await verifyBundle(tampered.dir, { key })).toMatchObject({ ok: false });
  });

  it('publishes a case (mediators only) as a curated public record, readable without a token', async () => {
    const byMonitor = await api.post(`/v1/incidents/${incident}/classification`, t.mon1, {
      level: 'PUBLIC',
      reason: 'r',
    });
    expect(byMonitor).toMatchObject({ status: 409, body: { rule: 'PublishedByMediators' } });
    expect((await api.get(`/v1/public/cases/${incident}`)).status).toBe(404);
    const published = await api.post(`/v1/incidents/${incident}/classification`, t.tr, {
      level: 'PUBLIC',
      reason: 'Finding to be published after the Istanbul meeting',
    });
    expect(published.status).toBe(201);
    await api.get(`/v1/incidents/${incident}?minPosition=${published.body.position}`, t.tr);
    const open = await api.get(`/v1/public/cases/${incident}`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ occurredOn: '2025-10-31', location: { lat: 34, lon: 71, precisionKm: 50 } });
    const text = JSON.stringify(open.body);
    for (const secret of ['Saw armed men', sourceRef, 'reporter', 'interviews', 'Torkham', 'custodian'])
      expect(text).not.toContain(secret);
    expect((await api.get(`/v1/public/agreements/${open.body.agreementId}/cases`)).body.cases).toHaveLength(1);
    expect((await api.get('/v1/ledger/checkpoint')).status).toBe(200);
    expect((await api.get('/v1/ledger/key')).status).toBe(200);
    // An observer now reads the case, but still not the mechanism's interviews.
    const observer = (await caseFile(t.obs)).body;
    expect(observer.interviews).toEqual([]);
  });

  it('shares a draft with the parties before adoption, and publishes one adopted finding of an unpublished case', async () => {
    const agreementId = (await caseFile(t.tr)).body.agreementId;
    const id = (await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, raidReport)).body.id;
    const step = (path: string, token: string, body: unknown) => api.post(`/v1/incidents/${id}/${path}`, token, body);
    await step('triage', t.mon1, { decision: 'ADMISSIBLE', reason: 'r' });
    await step('investigation', t.mon1, {});
    const draft = {
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S1',
      confidence: 'CREDIBLE',
    };
    await step('findings', t.mon1, { findingId: 'f1', rationale: 'Shared draft rationale', ...draft });
    const seenByParty = async () => {
      const head = (await api.get('/health')).body.store.head;
      return (await api.get(`/v1/incidents/${id}?minPosition=${head}`, t.af)).body.findings;
    };
    expect(await seenByParty()).toEqual([]);
    expect((await step('findings/f1/sharing', t.mon1, {})).status).toBe(201);
    expect(await seenByParty()).toEqual([expect.objectContaining({ findingId: 'f1', status: 'DRAFT' })]);
    expect((await step('findings/f1/dissents', t.af, { text: 'We contest the tracks' })).status).toBe(201);
    await step('findings/f1/endorsement', t.mon2, {});
    await step('findings/f1/adoption', t.tr, {});
    await step('findings/f1/adoption', t.qa, {});
    expect((await api.get(`/v1/public/cases/${id}`)).status).toBe(404);
    expect((await step('findings/f1/publication', t.mon1, {})).status).toBe(403);
    const published = await step('findings/f1/publication', t.tr, {});
    expect(published.status).toBe(201);
    await api.get(`/v1/incidents/${id}?minPosition=${published.body.position}`, t.tr);
    const open = (await api.get(`/v1/public/cases/${id}`)).body;
    expect(open.findings).toEqual([expect.objectContaining({ findingId: 'f1', severity: 'S1' })]);
    expect(JSON.stringify(open)).not.toContain('Shared draft rationale');
  });

  it("seals a reporter's contact: monitors read it, others see it withheld, and it can be erased", async () => {
    const agreementId = (await caseFile(t.tr)).body.agreementId;
    const report = { ...raidReport, reporterContact: 'PK liaison desk, +92 51 111 2222' };
    const id = (await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, report)).body.id;
    const read = async (token: string) => {
      const head = (await api.get('/health')).body.store.head;
      return (await api.get(`/v1/incidents/${id}?minPosition=${head}`, token)).body.reporter;
    };
    expect((await read(t.mon1)).contact).toBe(report.reporterContact);
    expect((await read(t.af)).contact).toEqual({ withheld: true });
    let log = '';
    let kid = '';
    for await (const e of api.app.get<EventStore>(EVENT_STORE).readAll()) {
      log += e.canonical;
      if (e.stream === `incident-${id}` && e.type === 'IncidentReported')
        kid = (e.data as { reporter: { contact: { sealed: { kid: string } } } }).reporter.contact.sealed.kid;
    }
    expect(log).not.toContain('+92 51 111 2222');
    expect((await api.post(`/v1/subject-keys/${kid}/shredding`, t.tr, { reason: 'Reporter asked' })).status).toBe(201);
    expect((await read(t.mon1)).contact).toEqual({ erased: true, subjectKeyId: kid });
  });
});
