/**
 * Builds a realistic log of a given size for bench:scale, through the domain's own deciders (so every
 * event is one the API could have written) and the store's append, one atomic append per stream.
 *
 * The log holds the agreement under study (A: fixed size, the same at every log size, with a long
 * case for history pages) and filler agreements of the same shape until the log reaches its size:
 * the question bench:scale asks is whether reading A gets slower as the rest of the log grows.
 */
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@ceasefire/decider';
import type { EventStore, JsonObject, NewEvent } from '@ceasefire/event-store';
import { type Actor, agreementDecider, commitmentDecider, incidentDecider } from '@ceasefire/mvm';
import { actors } from '@ceasefire/mvm/testing';

const who: Record<string, Actor> = {
  pk: actors.pakistan,
  af: actors.afghanistan,
  mon1: actors.monitor,
  mon2: actors.monitor2,
  tr: actors.turkiye,
  qa: actors.qatar,
};

const terms = {
  responseWindowHours: 72,
  verificationDeadlineDays: 14,
  disputeWindowDays: 7,
  adoptionQuorum: 2,
  rulingQuorum: 2,
};
const START = Date.parse('2025-10-19T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A deterministic pseudo-random sequence, so every size is built from the same choices. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

interface Decider<C, E extends DomainEvent, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

/** Runs commands through a decider in memory and collects the events, as the write path would append them. */
class StreamScript<C, E extends DomainEvent, S> {
  private state: S;
  readonly events: NewEvent[] = [];
  constructor(
    readonly stream: string,
    private readonly decider: Decider<C, E, S>,
  ) {
    this.state = decider.initialState();
  }
  run(actor: Actor, now: number, command: object): boolean {
    let decided: E[];
    try {
      decided = this.decider.decide({ ...command, actor, now: iso(now) } as C, this.state);
    } catch {
      return false; // a rule refused it, as the API would have: the script goes on without it
    }
    for (const e of decided) {
      this.state = this.decider.evolve(this.state, e);
      this.events.push({
        id: randomUUID(),
        type: e.type,
        data: e.data as JsonObject,
        metadata: { principal: actor.principalId, role: actor.role },
        recordedAt: iso(now),
      });
    }
    return true;
  }
}

export interface AgreementPlan {
  agreementId: string;
  /** Cases, spread over the span. */
  cases: number;
  /** One case with this many evidence registrations (0: none). */
  longCase: number;
  commitments: number;
}

/** The streams of one agreement, in the order they are appended, each with its events. */
export const agreementStreams = (plan: AgreementPlan, spanDays: number, seed: number) => {
  const rnd = random(seed);
  const { agreementId } = plan;
  const context = {
    agreementId,
    status: 'ACTIVE' as const,
    parties: ['PK', 'AF'],
    provisions: ['P1'],
    mediators: ['TR', 'QA'],
    terms,
    effectiveAt: iso(START),
  };
  const streams: { stream: string; events: NewEvent[]; at: number }[] = [];
  const agreement = new StreamScript(`agreement-${agreementId}`, agreementDecider);
  agreement.run(who.tr, START, {
    type: 'RegisterAgreement',
    agreementId,
    title: `Agreement ${agreementId.slice(0, 8)}`,
    parties: [
      { code: 'PK', name: 'Pakistan' },
      { code: 'AF', name: 'Afghanistan' },
    ],
    mediators: ['TR', 'QA'],
    provisions: [{ id: 'P1', text: 'Cessation of hostilities', obligor: 'ALL' }],
    terms,
    effectiveAt: iso(START),
  });
  streams.push({ stream: agreement.stream, events: agreement.events, at: START });
  const span = spanDays * 86_400_000;
  for (let c = 0; c < plan.commitments; c++) {
    const commitmentId = randomUUID();
    const at = START + 60_000 * (c + 1);
    const s = new StreamScript(`commitment-${commitmentId}`, commitmentDecider);
    const base = { commitmentId, agreement: context };
    s.run(who.tr, at, {
      ...base,
      type: 'DefineCommitment',
      obligor: rnd() < 0.5 ? 'PK' : 'AF',
      title: 'Withdraw heavy weapons',
      indicator: 'Positions withdrawn',
      target: 10,
      unit: 'positions',
      dueAt: iso(START + span),
      evidenceRequired: 'Monitor site visit',
    });
    for (let r = 0; r < 4; r++) {
      const when = at + (r + 1) * (span / 5);
      s.run(who.af, when, {
        ...base,
        type: 'ReportProgress',
        reportId: `r${r}`,
        quantity: 2,
        description: 'd',
        evidence: [],
      });
      s.run(who.mon1, when + 3_600_000, {
        ...base,
        type: 'VerifyProgress',
        reportId: `r${r}`,
        verdict: 'ACCEPTED',
        acceptedQuantity: 2,
        note: 'Seen on site',
      });
    }
    streams.push({ stream: s.stream, events: s.events, at });
  }
  for (let c = 0; c < plan.cases + (plan.longCase ? 1 : 0); c++) {
    const incidentId = randomUUID();
    const at = START + Math.floor(((c + 1) / (plan.cases + 2)) * span);
    const s = new StreamScript(`incident-${incidentId}`, incidentDecider);
    const step = (actor: Actor, minutes: number, command: object) =>
      s.run(actor, at + minutes * 60_000, { incidentId, agreement: context, ...command });
    const against = rnd() < 0.5 ? 'PK' : 'AF';
    step(rnd() < 0.5 ? who.mon1 : who[against === 'PK' ? 'af' : 'pk'], 0, {
      type: 'ReportIncident',
      source: null,
      occurredAt: iso(at - 3_600_000),
      occurredAtPrecision: 'HOUR',
      location: { lat: 34 + rnd(), lon: 70 + rnd(), precisionKm: 1 + Math.floor(rnd() * 10), place: 'Border post' },
      category: rnd() < 0.7 ? 'KINETIC_DIRECT_FIRE' : 'AIRSPACE_INCURSION',
      allegedPerpetrator: against,
      provisionsCited: ['P1'],
      casualties: { low: 0, best: Math.floor(rnd() * 3), high: 3 },
      description: 'Small-arms fire across the line reported by the border post.',
    });
    const long = plan.longCase && c === plan.cases;
    for (let e = 0; e < (long ? plan.longCase : 0); e++)
      step(who.mon1, 1 + e / 100, {
        type: 'RegisterEvidence',
        evidenceId: `e${e}`,
        sha256: e.toString(16).padStart(64, 'a'),
        mediaType: 'image/jpeg',
        custodian: 'MVM field team',
        description: `Photograph ${e}`,
      });
    step(who.mon1, 30, {
      type: 'TriageIncident',
      decision: rnd() < 0.85 ? 'ADMISSIBLE' : 'INADMISSIBLE',
      duplicateOf: null,
      reason: 'Specific and credible',
    });
    step(who[against === 'PK' ? 'pk' : 'af'], 120, {
      type: 'RespondToAllegation',
      response: 'DENIES',
      statement: 'Our forces did not fire.',
    });
    step(who.mon1, 240, { type: 'OpenInvestigation' });
    if (rnd() < 0.2)
      step(who.mon1, 300, {
        type: 'RecordAccessDenial',
        denialId: 'a1',
        deniedBy: against,
        at: iso(at + 300 * 60_000),
        place: 'Checkpoint',
        description: 'Team refused passage',
      });
    const violation = rnd() < 0.6;
    step(who.mon1, 1_000, {
      type: 'DraftFinding',
      findingId: 'f1',
      confidence: 'CREDIBLE',
      rationale: 'Craters and casings match the report.',
      ...(violation
        ? { outcome: 'VIOLATION_ATTRIBUTED', attributedParties: [against], severity: `S${1 + Math.floor(rnd() * 4)}` }
        : { outcome: 'NO_VIOLATION', attributedParties: [], severity: null }),
    });
    step(who.mon2, 1_100, { type: 'EndorseFinding', findingId: 'f1' });
    step(who.tr, 1_200, { type: 'AdoptFinding', findingId: 'f1' });
    step(who.qa, 1_300, { type: 'AdoptFinding', findingId: 'f1' });
    if (violation && rnd() < 0.3) {
      step(who[against === 'PK' ? 'pk' : 'af'], 1_400, {
        type: 'FileDispute',
        disputeId: 'd1',
        findingId: 'f1',
        grounds: 'EVIDENCE',
        statement: 'The casings are not of our calibre.',
      });
      step(who.tr, 1_500, {
        type: 'RuleOnDispute',
        disputeId: 'd1',
        ruling: 'UPHELD',
        rationale: 'Evidence holds',
        amendment: null,
      });
      step(who.qa, 1_600, {
        type: 'RuleOnDispute',
        disputeId: 'd1',
        ruling: 'UPHELD',
        rationale: 'Evidence holds',
        amendment: null,
      });
    }
    if (rnd() < 0.5) step(who.tr, 2_000, { type: 'CloseCase', reason: 'Finding adopted' });
    streams.push({ stream: s.stream, events: s.events, at });
  }
  return streams;
};

/**
 * Appends agreement A and fillers until the log holds about `size` events; the streams of all
 * agreements are interleaved by time, as a running mechanism writes them. Returns A's id and its long case.
 */
export const buildScaleLog = async (
  store: EventStore,
  size: number,
  progress: (written: number) => void,
): Promise<{ agreementId: string; longCaseStream: string; midTime: string }> => {
  const spanDays = 730;
  const a = agreementStreams({ agreementId: randomUUID(), cases: 150, longCase: 1_500, commitments: 6 }, spanDays, 1);
  const perA = a.reduce((n, s) => n + s.events.length, 0);
  let written = 0;
  let seed = 2;
  const queue = [...a];
  let queued = perA;
  while (queued < size) {
    const filler = agreementStreams(
      { agreementId: randomUUID(), cases: 400, longCase: 0, commitments: 4 },
      spanDays,
      seed++,
    );
    queue.push(...filler);
    queued += filler.reduce((n, s) => n + s.events.length, 0);
  }
  // The log is written in time order, as a running mechanism writes it: each batch of the time-ordered
  // events goes in as one append per stream, concurrently, so the store's group commit batches them.
  const timed = queue.flatMap(({ stream, events }) => events.map((event) => ({ stream, event })));
  timed.sort((x, y) =>
    x.event.recordedAt! < y.event.recordedAt! ? -1 : x.event.recordedAt! > y.event.recordedAt! ? 1 : 0,
  );
  const BATCH = 4_000;
  for (let i = 0; i < timed.length; i += BATCH) {
    const byStream = new Map<string, NewEvent[]>();
    for (const { stream, event } of timed.slice(i, i + BATCH)) {
      const list = byStream.get(stream) ?? [];
      list.push(event);
      byStream.set(stream, list);
    }
    // A long case's events go in as several appends, each well under the port's 1 MiB.
    await Promise.all(
      [...byStream].map(async ([stream, events]) => {
        for (let k = 0; k < events.length; k += 500)
          await store.append(stream, events.slice(k, k + 500), { expected: 'any' });
      }),
    );
    written += Math.min(BATCH, timed.length - i);
    progress(written);
  }
  const longCase = a.reduce((x, y) => (y.events.length > x.events.length ? y : x));
  return {
    agreementId: (a[0].events[0].data as { agreementId: string }).agreementId,
    longCaseStream: longCase.stream,
    midTime: new Date(START + (spanDays / 2) * 86_400_000).toISOString(),
  };
};
