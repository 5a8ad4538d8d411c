import fc from 'fast-check';
import { DomainError } from '@ceasefire/decider';
import { SqliteEventStore } from '@ceasefire/event-store';
import {
  type Actor,
  type AgreementRecordEvent,
  COMPLIANCE_EVENT_TYPES,
  agreementDecider,
  commitmentDecider,
  complianceReport,
  type ComplianceState,
  evolveCompliance,
  incidentDecider,
  initialComplianceState,
} from '@ceasefire/mvm';
import { openReadModelDatabase, InProcessProjectionRunner } from '@ceasefire/projections';
import { handleCommand } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';
import { breachFeedProjection } from '../feeds/breach-feed.projection';
import {
  complianceProjection,
  complianceStateAt,
  complianceStateOf,
  positionRecordedBy,
} from './compliance.projection';

const A = '11111111-1111-4111-8111-111111111111';
const who: Record<string, Actor> = {
  pk: { principalId: 'pk', role: 'party', party: 'PK' },
  af: { principalId: 'af', role: 'party', party: 'AF' },
  mon1: { principalId: 'mon1', role: 'monitor' },
  mon2: { principalId: 'mon2', role: 'monitor' },
  tr: { principalId: 'tr', role: 'mediator', institution: 'TR' },
  tr2: { principalId: 'tr2', role: 'mediator', institution: 'TR' },
  qa: { principalId: 'qa', role: 'mediator', institution: 'QA' },
};
const incidentIds = ['a', 'b', 'c'].map((c) => `${c.repeat(8)}-0000-4000-8000-000000000000`);
const party = fc.constantFrom('PK', 'AF');
const severity = fc.constantFrom('S0', 'S1', 'S2', 'S3', 'S4');

/** One incident's path through the mechanism, with random choices at each fork and cut off anywhere. */
const caseScript = (incident: number) =>
  fc
    .record({
      by: fc.constantFrom('pk', 'af', 'mon1'),
      against: party,
      decision: fc.constantFrom('ADMISSIBLE', 'ADMISSIBLE', 'ADMISSIBLE', 'INADMISSIBLE'),
      denials: fc.array(party, { maxLength: 2 }),
      violation: fc.boolean(),
      severity,
      disputeBy: fc.option(fc.constantFrom('pk', 'af')),
      ruling: fc.constantFrom('UPHELD', 'VACATED', 'REMANDED', 'AMENDED'),
      amended: fc.record({ violation: fc.boolean(), party, severity }),
      rulers: fc.constantFrom(['tr', 'qa'], ['tr', 'tr2', 'qa'], ['qa']),
      measure: fc.boolean(),
      measureAfterRuling: fc.boolean(),
      close: fc.boolean(),
      settle: fc.constantFrom('fulfil', 'lift', 'none'),
      n: fc.nat(1_000_000),
      length: fc.oneof(fc.constant(99), fc.nat(16)),
    })
    .map((c) => {
      const steps: Step[] = [
        { kind: 'report', incident, by: c.by, against: c.against },
        { kind: 'triage', incident, decision: c.decision },
        { kind: 'investigate', incident },
        ...c.denials.map((by, i): Step => ({ kind: 'deny', incident, by, n: c.n + i })),
        { kind: 'draft', incident, against: c.against, severity: c.severity, violation: c.violation, n: c.n },
        { kind: 'endorse', incident },
        { kind: 'adopt', incident, by: 'tr' },
        { kind: 'adopt', incident, by: 'qa' },
        ...(c.measure && !c.measureAfterRuling
          ? [{ kind: 'measure', incident, against: c.against, n: c.n } as Step]
          : []),
        ...(c.disputeBy
          ? [
              { kind: 'dispute', incident, by: c.disputeBy, n: c.n } as Step,
              ...c.rulers.map((by) => ({ kind: 'rule', incident, by, ruling: c.ruling, amended: c.amended }) as Step),
            ]
          : []),
        ...(c.measure && c.measureAfterRuling
          ? [{ kind: 'measure', incident, against: c.amended.party, n: c.n } as Step]
          : []),
        ...(c.close ? [{ kind: 'close', incident } as Step] : []),
        ...(c.settle !== 'none' ? [{ kind: c.settle, incident, n: c.n } as Step] : []),
      ];
      return steps.slice(0, 4 + c.length);
    });

/** Three cases and some commitment progress, interleaved in a random order. */
const workflow = fc
  .tuple(
    caseScript(0),
    caseScript(1),
    caseScript(2),
    fc.array(fc.record({ kind: fc.constant('verify' as const), quantity: fc.nat(3), n: fc.nat(1000) }), {
      maxLength: 3,
    }),
    fc.array(fc.nat(3), { maxLength: 80 }),
  )
  .map(([a, b, c, verify, order]) => {
    const queues: Step[][] = [a, b, c, verify];
    const out: Step[] = [];
    for (const pick of order) if (queues[pick].length) out.push(queues[pick].shift() as Step);
    return [...out, ...queues.flat()];
  });

type Step =
  | { kind: 'report'; incident: number; by: string; against: string }
  | { kind: 'triage'; incident: number; decision: string }
  | { kind: 'investigate'; incident: number }
  | { kind: 'deny'; incident: number; by: string; n: number }
  | { kind: 'draft'; incident: number; against: string; severity: string; violation: boolean; n: number }
  | { kind: 'endorse'; incident: number }
  | { kind: 'adopt'; incident: number; by: string }
  | { kind: 'dispute'; incident: number; by: string; n: number }
  | {
      kind: 'rule';
      incident: number;
      by: string;
      ruling: string;
      amended: { violation: boolean; party: string; severity: string };
    }
  | { kind: 'measure'; incident: number; against: string; n: number }
  | { kind: 'fulfil' | 'lift'; incident: number; n: number }
  | { kind: 'close'; incident: number }
  | { kind: 'verify'; quantity: number; n: number };

const stats = { breaches: 0, disputes: 0, confirmedByRuling: 0, lapsed: 0, settledAfterClosure: 0 };

describe('compliance (property)', () => {
  it('replaying the log gives the same compliance as the live projection, for random workflows', async () => {
    await fc.assert(
      fc.asyncProperty(workflow, async (steps) => {
        const store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 5 });
        const runner = new InProcessProjectionRunner(store, openReadModelDatabase(':memory:'), [
          complianceProjection,
          breachFeedProjection('https://test'),
        ]);
        runner.start();
        let clock = Date.parse('2025-11-01T00:00:00Z');
        const ctx = (actor: Actor): WriteContext => ({
          actor,
          now: new Date((clock += 60_000)).toISOString(),
          correlationId: 'p',
          requestHash: 'p',
        });
        const agreementContext = {
          agreementId: A,
          status: 'ACTIVE' as const,
          parties: ['PK', 'AF'],
          provisions: ['P1'],
          mediators: ['TR', 'QA'],
          terms: {
            responseWindowHours: 72,
            verificationDeadlineDays: 14,
            disputeWindowDays: 7,
            adoptionQuorum: 2,
            rulingQuorum: 2,
          },
          effectiveAt: '2025-10-19T00:00:00.000Z',
        };
        try {
          await handleCommand(store, {
            stream: `agreement-${A}`,
            decider: agreementDecider,
            command: () => ({
              type: 'RegisterAgreement' as const,
              agreementId: A,
              actor: who.tr,
              now: '2025-11-01T00:00:00.000Z',
              title: 't',
              parties: [
                { code: 'PK', name: 'P' },
                { code: 'AF', name: 'A' },
              ],
              mediators: ['TR', 'QA'],
              provisions: [{ id: 'P1', text: 't', obligor: 'ALL' }],
              terms: agreementContext.terms,
              effectiveAt: '2025-10-19T00:00:00.000Z',
            }),
            context: ctx(who.tr),
          });
          await handleCommand(store, {
            stream: 'commitment-c1',
            decider: commitmentDecider,
            command: () => ({
              type: 'DefineCommitment' as const,
              commitmentId: 'c1',
              agreement: agreementContext,
              actor: who.tr,
              now: '2025-11-01T00:00:00.000Z',
              obligor: 'AF',
              title: 't',
              indicator: 'i',
              target: 3,
              unit: 'u',
              dueAt: '2025-12-01T00:00:00.000Z',
              evidenceRequired: 'e',
            }),
            context: ctx(who.tr),
          });
          const made: Made = { finding: {}, dispute: {} };
          for (const s of steps)
            await apply(store, s, ctx, agreementContext, made).catch((e: unknown) => {
              if (!(e instanceof DomainError)) throw e;
            });
          const head = await store.headPosition();
          if (head) await runner.waitFor(head);
          const live = complianceStateOf(runner.db, (name) => runner.table('compliance', name), A) as ComplianceState;
          let replayed = initialComplianceState();
          const table = (name: string) => runner.table('compliance', name);
          const log = [];
          for await (const e of store.readAll()) log.push(e);
          for (const e of log) {
            replayed = evolveCompliance(replayed, { type: e.type, data: e.data } as AgreementRecordEvent);
            // As it stood at each position, from the versioned rows alone, equals the fold of the log up to it.
            expect(complianceStateAt(runner.db, table, A, e.position)?.state).toEqual(replayed);
            // As of a time: the longest prefix of the log recorded by then (of the events compliance reads).
            const read = log.filter((x) => COMPLIANCE_EVENT_TYPES.includes(x.type as AgreementRecordEvent['type']));
            const later = read.findIndex((x) => x.recordedAt > e.recordedAt);
            const end = later === -1 ? read.at(-1) : read[later - 1];
            expect(positionRecordedBy(runner.db, table, e.recordedAt)).toBe(end?.position ?? null);
          }
          // The replay folds every event of the log, so a type missing from the projection's filter shows up here.
          expect(replayed).toEqual(live);
          // Subscribers and compliance read the same breaches: fold the feed as a subscriber would.
          const feed = feedView(runner);
          const standing = Object.fromEntries(
            Object.entries(live.breaches)
              .filter(([, b]) => !b.vacated)
              .map(([key, b]) => [key, { parties: b.parties, severity: b.severity }]),
          );
          expect(feed.breaches).toEqual(standing);
          const owed = Object.entries(live.measures)
            .filter(([, m]) => m.status === 'OUTSTANDING')
            .map(([key]) => key)
            .sort();
          expect(feed.outstandingMeasures).toEqual(owed);
          const types = [];
          for await (const e of store.readAll()) types.push(e.type);
          if (types.includes('DisputeRuled') && types.lastIndexOf('BreachConfirmed') > types.indexOf('DisputeRuled'))
            stats.confirmedByRuling += 1;
          if (types.includes('MeasureLapsed')) stats.lapsed += 1;
          const closedAt = types.indexOf('CaseClosed');
          if (closedAt >= 0 && types.slice(closedAt).some((t) => t === 'MeasureFulfilled' || t === 'MeasureLifted'))
            stats.settledAfterClosure += 1;
          stats.breaches += Object.keys(live.breaches).length;
          stats.disputes += Object.keys(live.disputes).length;
          for (const asOf of ['2025-11-01T00:00:00.000Z', '2025-11-20T00:00:00.000Z', '2026-01-01T00:00:00.000Z'])
            expect(complianceReport(replayed, asOf)).toEqual(complianceReport(live, asOf));
        } finally {
          await runner.stop();
          await store.close();
        }
      }),
      { numRuns: 150 },
    );
    // The generator must reach the interesting states, or the property says little.
    expect(stats.breaches).toBeGreaterThan(0);
    expect(stats.disputes).toBeGreaterThan(0);
    expect(stats.confirmedByRuling).toBeGreaterThan(0);
    expect(stats.lapsed).toBeGreaterThan(0);
    expect(stats.settledAfterClosure).toBeGreaterThan(0);
  }, 180_000);
});

/**
 * The breach feed as a subscriber reads it: a confirmed or amended breach stands with its parties and
 * severity until vacated; a measure is owed from its recording until fulfilled, lifted or lapsed.
 */
const feedView = (runner: InProcessProjectionRunner) => {
  const rows = runner.db
    .prepare(`SELECT cloud_event FROM ${runner.table('breach_feed', 'entries')} ORDER BY position`)
    .all() as { cloud_event: string }[];
  const breaches: Record<string, { parties: string[]; severity: string }> = {};
  const measures = new Set<string>();
  for (const { cloud_event } of rows) {
    const e = JSON.parse(cloud_event) as { type: string; data: Record<string, never> };
    const type = e.type.split('.').at(-1);
    const d = e.data as unknown as {
      incidentId: string;
      findingId: string;
      measureId: string;
      parties: string[];
      severity: string;
    };
    const finding = `${d.incidentId}/${d.findingId}`;
    const measure = `${d.incidentId}/${d.measureId}`;
    if (type === 'BreachConfirmed' || type === 'BreachAmended')
      breaches[finding] = { parties: d.parties, severity: d.severity };
    else if (type === 'BreachVacated') delete breaches[finding];
    else if (type === 'MeasureRecorded') measures.add(measure);
    else if (type === 'MeasureFulfilled' || type === 'MeasureLifted' || type === 'MeasureLapsed')
      measures.delete(measure);
  }
  return { breaches, outstandingMeasures: [...measures].sort() };
};

/** Ids the workflow created so far per incident, so later steps name real findings and disputes. */
interface Made {
  finding: Record<string, string>;
  dispute: Record<string, string>;
}

const apply = async (
  store: SqliteEventStore,
  s: Step,
  ctx: (a: Actor) => WriteContext,
  agreement: Record<string, unknown>,
  made: Made,
) => {
  if (s.kind === 'verify') {
    const report = { reportId: `r${s.n}`, quantity: s.quantity, description: 'd', evidence: [] };
    await handleCommand(store, {
      stream: 'commitment-c1',
      decider: commitmentDecider,
      command: () =>
        ({
          type: 'ReportProgress',
          commitmentId: 'c1',
          agreement,
          actor: who.af,
          now: ctx(who.af).now,
          ...report,
        }) as never,
      context: ctx(who.af),
    });
    const verdict = { reportId: `r${s.n}`, verdict: 'ACCEPTED', acceptedQuantity: s.quantity, note: 'n' };
    await handleCommand(store, {
      stream: 'commitment-c1',
      decider: commitmentDecider,
      command: () =>
        ({
          type: 'VerifyProgress',
          commitmentId: 'c1',
          agreement,
          actor: who.mon1,
          now: ctx(who.mon1).now,
          ...verdict,
        }) as never,
      context: ctx(who.mon1),
    });
    return;
  }
  const incidentId = incidentIds[s.incident];
  const run = (actor: Actor, fields: Record<string, unknown>) =>
    handleCommand(store, {
      stream: `incident-${incidentId}`,
      decider: incidentDecider,
      command: () => ({ incidentId, agreement, actor, now: ctx(actor).now, ...fields }) as never,
      context: ctx(actor),
    });
  const finding = made.finding[incidentId] ?? 'none';
  const dispute = made.dispute[incidentId] ?? 'none';
  switch (s.kind) {
    case 'report':
      return run(who[s.by], {
        type: 'ReportIncident',
        source: null,
        occurredAt: '2025-10-31T00:00:00.000Z',
        occurredAtPrecision: 'DAY',
        location: { lat: 1, lon: 1, precisionKm: 1, place: 'p' },
        category: 'KINETIC_DIRECT_FIRE',
        allegedPerpetrator: s.against,
        provisionsCited: [],
        casualties: { low: 0, best: 0, high: 0 },
        description: 'd',
      });
    case 'triage':
      return run(who.mon1, { type: 'TriageIncident', decision: s.decision, duplicateOf: null, reason: 'r' });
    case 'investigate':
      return run(who.mon1, { type: 'OpenInvestigation' });
    case 'deny':
      return run(who.mon1, {
        type: 'RecordAccessDenial',
        denialId: `a${s.n}`,
        deniedBy: s.by,
        at: '2025-11-01T00:00:00.000Z',
        place: 'p',
        description: 'd',
      });
    case 'draft': {
      const conclusion = s.violation
        ? { outcome: 'VIOLATION_ATTRIBUTED', attributedParties: [s.against], severity: s.severity }
        : { outcome: 'NO_VIOLATION', attributedParties: [], severity: null };
      await run(who.mon1, {
        type: 'DraftFinding',
        findingId: `f${s.n}`,
        confidence: 'CREDIBLE',
        rationale: 'r',
        ...conclusion,
      });
      made.finding[incidentId] = `f${s.n}`;
      return;
    }
    case 'endorse':
      return run(who.mon2, { type: 'EndorseFinding', findingId: finding });
    case 'adopt':
      return run(who[s.by], { type: 'AdoptFinding', findingId: finding });
    case 'dispute':
      await run(who[s.by], {
        type: 'FileDispute',
        disputeId: `d${s.n}`,
        findingId: finding,
        grounds: 'PROCEDURE',
        statement: 's',
      });
      made.dispute[incidentId] = `d${s.n}`;
      return;
    case 'rule': {
      const amendment =
        s.ruling !== 'AMENDED'
          ? null
          : s.amended.violation
            ? {
                outcome: 'VIOLATION_ATTRIBUTED',
                attributedParties: [s.amended.party],
                severity: s.amended.severity,
                confidence: 'VERIFIED',
              }
            : { outcome: 'NO_VIOLATION', attributedParties: [], severity: null, confidence: 'VERIFIED' };
      return run(who[s.by], { type: 'RuleOnDispute', disputeId: dispute, ruling: s.ruling, rationale: 'r', amendment });
    }
    case 'fulfil':
      return run(who.mon1, { type: 'RecordMeasureFulfilment', measureId: `m${s.n}`, note: 'n' });
    case 'lift':
      return run(who.qa, { type: 'LiftMeasure', measureId: `m${s.n}`, reason: 'r' });
    case 'measure':
      return run(who.tr, {
        type: 'RecordMeasure',
        measureId: `m${s.n}`,
        party: s.against,
        level: 'L1',
        description: 'd',
        dueAt: '2025-11-15T00:00:00.000Z',
      });
    case 'close':
      return run(who.tr, { type: 'CloseCase', reason: 'r' });
  }
};
