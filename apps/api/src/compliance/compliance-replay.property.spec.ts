import fc from 'fast-check';
import { DomainError } from '@ceasefire/decider';
import { SqliteEventStore } from '@ceasefire/event-store';
import {
  type Actor,
  type AgreementRecordEvent,
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
import { complianceProjection, complianceStateOf } from './compliance.projection';

const A = '11111111-1111-4111-8111-111111111111';
const who: Record<string, Actor> = {
  pk: { principalId: 'pk', role: 'party', party: 'PK' },
  af: { principalId: 'af', role: 'party', party: 'AF' },
  mon1: { principalId: 'mon1', role: 'monitor' },
  mon2: { principalId: 'mon2', role: 'monitor' },
  tr: { principalId: 'tr', role: 'mediator' },
  qa: { principalId: 'qa', role: 'mediator' },
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
      amended: severity,
      measure: fc.boolean(),
      close: fc.boolean(),
      n: fc.nat(1_000_000),
      length: fc.nat(14),
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
        ...(c.disputeBy
          ? [
              { kind: 'dispute', incident, by: c.disputeBy, n: c.n } as Step,
              { kind: 'rule', incident, ruling: c.ruling, severity: c.amended } as Step,
            ]
          : []),
        ...(c.measure ? [{ kind: 'measure', incident, against: c.against, n: c.n } as Step] : []),
        ...(c.close ? [{ kind: 'close', incident } as Step] : []),
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
  | { kind: 'rule'; incident: number; ruling: string; severity: string }
  | { kind: 'measure'; incident: number; against: string; n: number }
  | { kind: 'close'; incident: number }
  | { kind: 'verify'; quantity: number; n: number };

const stats = { breaches: 0, disputes: 0 };

describe('compliance (property)', () => {
  it('replaying the log gives the same compliance as the live projection, for random workflows', async () => {
    await fc.assert(
      fc.asyncProperty(workflow, async (steps) => {
        const store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 5 });
        const runner = new InProcessProjectionRunner(store, openReadModelDatabase(':memory:'), [complianceProjection]);
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
          terms: { responseWindowHours: 72, verificationDeadlineDays: 14, disputeWindowDays: 7, adoptionQuorum: 2 },
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
          for await (const e of store.readAll())
            replayed = evolveCompliance(replayed, { type: e.type, data: e.data } as AgreementRecordEvent);
          // The replay folds every event of the log, so a type missing from the projection's filter shows up here.
          expect(replayed).toEqual(live);
          stats.breaches += Object.keys(live.breaches).length;
          stats.disputes += Object.keys(live.disputes).length;
          for (const asOf of ['2025-11-01T00:00:00.000Z', '2025-11-20T00:00:00.000Z', '2026-01-01T00:00:00.000Z'])
            expect(complianceReport(replayed, asOf)).toEqual(complianceReport(live, asOf));
        } finally {
          await runner.stop();
          await store.close();
        }
      }),
      { numRuns: 60 },
    );
    // The generator must reach the interesting states, or the property says little.
    expect(stats.breaches).toBeGreaterThan(0);
    expect(stats.disputes).toBeGreaterThan(0);
  }, 120_000);
});

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
        s.ruling === 'AMENDED'
          ? { outcome: 'VIOLATION_ATTRIBUTED', attributedParties: ['AF'], severity: s.severity, confidence: 'VERIFIED' }
          : null;
      return run(who.tr, { type: 'RuleOnDispute', disputeId: dispute, ruling: s.ruling, rationale: 'r', amendment });
    }
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
