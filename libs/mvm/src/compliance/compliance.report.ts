import { CONFIDENCES, type Severity, SEVERITIES } from '../incident/incident.vocabulary';
import { addDays, isAfter } from '../shared/time';
import {
  type ComplianceRulebook,
  type LevelRule,
  type RatedLevel,
  rulebookInForce,
  type StatusLevel,
} from './compliance.rulebook';
import type { BreachRow, ComplianceState, MeasureRow } from './compliance.state';

/** Something a reason rests on, with where a client reads it. */
export interface ReasonRef {
  kind: 'finding' | 'accessDenial' | 'commitment' | 'measure';
  /** Case-local ids are prefixed by their incident id: `<incidentId>/<findingId>`. */
  id: string;
  href: string;
}

/** One rule of the rulebook that fired for a party, and what made it fire. */
export interface ComplianceReason {
  level: RatedLevel;
  rule: string;
  count: number;
  threshold: number;
  refs: ReasonRef[];
}

export interface PartyCompliance {
  party: string;
  name: string;
  status: StatusLevel;
  label: string;
  /** Every rule that fired, most serious first; the first one set the status. Empty when COMPLIANT. */
  reasons: ComplianceReason[];
  confirmedBreaches: {
    /** Breaches that count under the rulebook. */
    total: number;
    bySeverity: Record<Severity, number>;
    findings: string[];
    /** Standing breaches the rulebook does not count: below its minimum confidence, or cured. */
    notCounted: { belowConfidence: string[]; cured: string[] };
  };
  pendingAllegations: { total: number; incidents: string[] };
  openDisputes: number;
  accessDenials: number;
  consequencesOutstanding: number;
  consequencesOverdue: number;
  commitments: { onTrack: number; atRisk: number; overdue: number; met: number };
}

export interface ComplianceReport {
  agreementId: string | null;
  asOf: string;
  /** Set when the answer covers a period of valid time: breaches and denials that occurred in it. */
  period: { from: string; to: string } | null;
  agreement: { status: 'ACTIVE' | 'SUSPENDED'; suspendedSince: string | null };
  rulebook: { version: string; labels: Record<StatusLevel, string> };
  parties: PartyCompliance[];
  unattributedBreaches: number;
}

export interface ComplianceCut {
  asOf: string;
  /** Count only what occurred in [from, to) of valid time; asOf is then `to`. */
  period?: { from: string; to: string };
}

const byKey = <T>(entries: [string, T][]): [string, T][] => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const hrefOf = (kind: ReasonRef['kind'], key: string): string => {
  const [incidentId] = key.split('/');
  return kind === 'commitment' ? `/v1/commitments/${key}` : `/v1/incidents/${incidentId}`;
};
const ref = (kind: ReasonRef['kind'], id: string): ReasonRef => ({ kind, id, href: hrefOf(kind, id) });

const inPeriod = (at: string, period: ComplianceCut['period']): boolean =>
  !period || (at >= period.from && at < period.to);

/** A breach stops counting when the rulebook's cure applies by asOf. */
const isCured = (
  key: string,
  breach: BreachRow,
  party: string,
  all: [string, BreachRow][],
  measures: MeasureRow[],
  rules: ComplianceRulebook,
  asOf: string,
): boolean => {
  if (rules.cure.onMeasureFulfilled && measures.some((m) => m.breach === key && m.status === 'FULFILLED')) return true;
  const days = rules.cure.afterDaysWithoutRecurrence;
  if (days === null || !breach.occurredAt) return false;
  const latest = all
    .filter(([, b]) => b.parties.includes(party) && b.category === breach.category && b.occurredAt <= asOf)
    .reduce((last, [, b]) => (b.occurredAt > last ? b.occurredAt : last), breach.occurredAt);
  return !isAfter(addDays(latest, days), asOf);
};

/**
 * Each party's status under the rulebook in force at asOf, with the reasons behind it. Time-free state in,
 * one answer out: the same state and cut always give the same report.
 */
export const complianceReport = (state: ComplianceState, cut: ComplianceCut | string): ComplianceReport => {
  const { asOf, period } = typeof cut === 'string' ? { asOf: cut, period: undefined } : cut;
  const rules = rulebookInForce(state.rulebooks, asOf);
  const standing = byKey(Object.entries(state.breaches)).filter(
    ([, b]) => !b.vacated && inPeriod(b.occurredAt, period),
  );
  const measures = Object.values(state.measures);
  const minimum = CONFIDENCES.indexOf(rules.minimumConfidence);
  const parties = state.parties.map(({ code, name }): PartyCompliance => {
    const mine = standing.filter(([, b]) => b.parties.includes(code));
    const belowConfidence = mine.filter(([, b]) => CONFIDENCES.indexOf(b.confidence) > minimum);
    const cured = mine.filter(
      ([key, b]) => !belowConfidence.some(([k]) => k === key) && isCured(key, b, code, standing, measures, rules, asOf),
    );
    const counted = mine.filter(
      ([key]) => !belowConfidence.some(([k]) => k === key) && !cured.some(([k]) => k === key),
    );
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const [, b] of counted) bySeverity[b.severity] += 1;
    const pending = byKey(Object.entries(state.allegations)).filter(([, a]) => a.pending && a.against === code);
    const denials = byKey(Object.entries(state.accessDenials)).filter(
      ([, d]) => d.party === code && inPeriod(d.at, period),
    );
    const outstanding = byKey(Object.entries(state.measures)).filter(
      ([, m]) => m.party === code && m.status === 'OUTSTANDING',
    );
    const overdueMeasures = outstanding.filter(([, m]) => m.dueAt !== null && !isAfter(m.dueAt, asOf));
    const commitments = { onTrack: 0, atRisk: 0, overdue: 0, met: 0 };
    const overdueCommitments: string[] = [];
    const atRiskCommitments: string[] = [];
    for (const [id, c] of byKey(Object.entries(state.commitments)).filter(([, c]) => c.obligor === code)) {
      if (c.status === 'MET') commitments.met += 1;
      else if (c.status === 'OVERDUE' || !isAfter(c.dueAt, asOf)) {
        commitments.overdue += 1;
        overdueCommitments.push(id);
      } else if (!isAfter(c.dueAt, addDays(asOf, rules.atRiskDays))) {
        commitments.atRisk += 1;
        atRiskCommitments.push(id);
      } else commitments.onTrack += 1;
    }
    const reasons = reasonsFor(rules, {
      breaches: counted,
      denials: denials.map(([id]) => id),
      overdueCommitments,
      atRiskCommitments,
      overdueMeasures: overdueMeasures.map(([id]) => id),
    });
    const status: StatusLevel = reasons[0]?.level ?? 'COMPLIANT';
    return {
      party: code,
      name,
      status,
      label: rules.labels[status],
      reasons,
      confirmedBreaches: {
        total: counted.length,
        bySeverity,
        findings: counted.map(([id]) => id),
        notCounted: { belowConfidence: belowConfidence.map(([id]) => id), cured: cured.map(([id]) => id) },
      },
      pendingAllegations: { total: pending.length, incidents: pending.map(([id]) => id) },
      openDisputes: Object.values(state.disputes).filter((d) => d.open && d.party === code).length,
      accessDenials: denials.length,
      consequencesOutstanding: outstanding.length,
      consequencesOverdue: overdueMeasures.length,
      commitments,
    };
  });
  const suspendedSince = state.suspensions.find((s) => s.from <= asOf && (s.to === null || s.to > asOf))?.from ?? null;
  return {
    agreementId: state.agreementId,
    asOf,
    period: period ?? null,
    agreement: { status: suspendedSince ? 'SUSPENDED' : 'ACTIVE', suspendedSince },
    rulebook: { version: rules.version, labels: rules.labels },
    parties,
    unattributedBreaches: standing.filter(([, b]) => b.parties.length === 0).length,
  };
};

interface Facts {
  breaches: [string, BreachRow][];
  denials: string[];
  overdueCommitments: string[];
  atRiskCommitments: string[];
  overdueMeasures: string[];
}

const LEVELS_WORST_FIRST: RatedLevel[] = ['SERIOUS_NON_COMPLIANCE', 'NON_COMPLIANT', 'CONCERN'];

/** Every threshold of every level that the facts reach, worst level first. */
const reasonsFor = (rules: ComplianceRulebook, facts: Facts): ComplianceReason[] => {
  const refs = (kind: ReasonRef['kind'], ids: string[]) => ids.map((id) => ref(kind, id));
  const counted: { rule: string; count: number; refs: ReasonRef[]; threshold: (r: LevelRule) => number | undefined }[] =
    [
      ...SEVERITIES.map((severity) => {
        const ids = facts.breaches.filter(([, b]) => b.severity === severity).map(([id]) => id);
        return {
          rule: `breaches.${severity}`,
          count: ids.length,
          refs: refs('finding', ids),
          threshold: (r: LevelRule) => r.breaches?.[severity],
        };
      }),
      {
        rule: 'accessDenials',
        count: facts.denials.length * rules.accessDenialWeight,
        refs: refs('accessDenial', facts.denials),
        threshold: (r) => r.accessDenials,
      },
      {
        rule: 'overdueCommitments',
        count: facts.overdueCommitments.length,
        refs: refs('commitment', facts.overdueCommitments),
        threshold: (r) => r.overdueCommitments,
      },
      {
        rule: 'atRiskCommitments',
        count: facts.atRiskCommitments.length,
        refs: refs('commitment', facts.atRiskCommitments),
        threshold: (r) => r.atRiskCommitments,
      },
      {
        rule: 'overdueMeasures',
        count: facts.overdueMeasures.length,
        refs: refs('measure', facts.overdueMeasures),
        threshold: (r) => r.overdueMeasures,
      },
    ];
  return LEVELS_WORST_FIRST.flatMap((level) =>
    counted.flatMap(({ rule, count, refs: on, threshold }) => {
      const at = threshold(rules.levels[level]);
      return at !== undefined && count >= at
        ? [{ level, rule: `${level}.${rule}`, count, threshold: at, refs: on }]
        : [];
    }),
  );
};
