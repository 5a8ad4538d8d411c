import { invalid } from '@ceasefire/decider';
import { CONFIDENCES, type Confidence, SEVERITIES, type Severity } from '../incident/incident.vocabulary';

/** Status levels, least to most serious. The words shown for them are the rulebook's labels. */
export const STATUS_LEVELS = ['COMPLIANT', 'CONCERN', 'NON_COMPLIANT', 'SERIOUS_NON_COMPLIANCE'] as const;
export type StatusLevel = (typeof STATUS_LEVELS)[number];
export type RatedLevel = Exclude<StatusLevel, 'COMPLIANT'>;

/** What brings a party to a level: any one threshold reached is enough. */
export interface LevelRule {
  /** Counted breaches of one severity (not cumulative across severities). */
  breaches?: Partial<Record<Severity, number>>;
  /** Access denials times the rulebook's accessDenialWeight. */
  accessDenials?: number;
  overdueCommitments?: number;
  atRiskCommitments?: number;
  overdueMeasures?: number;
}

/**
 * The rules an agreement adopts for its compliance answers. Versioned, so a past answer is always given by
 * the rules in force at that time; changing the code's defaults never changes an adopted rulebook.
 */
export interface ComplianceRulebook {
  version: string;
  /** Breaches found with less confidence are listed but do not count. */
  minimumConfidence: Confidence;
  accessDenialWeight: number;
  /** An open commitment due within this many days is at risk. */
  atRiskDays: number;
  cure: {
    /** A breach stops counting this many days after it occurred if the party commits no breach of that category since. */
    afterDaysWithoutRecurrence: number | null;
    /** A breach stops counting once a measure recorded on it is fulfilled. */
    onMeasureFulfilled: boolean;
  };
  levels: Record<RatedLevel, LevelRule>;
  labels: Record<StatusLevel, string>;
}

/** The rules this software used before agreements adopted their own, with neutral labels. */
export const DEFAULT_RULEBOOK: ComplianceRulebook = {
  version: 'default-1',
  minimumConfidence: 'CREDIBLE',
  accessDenialWeight: 1,
  atRiskDays: 14,
  cure: { afterDaysWithoutRecurrence: null, onMeasureFulfilled: false },
  levels: {
    SERIOUS_NON_COMPLIANCE: { breaches: { S4: 1, S3: 2 }, accessDenials: 3 },
    NON_COMPLIANT: { breaches: { S2: 1, S3: 1 }, accessDenials: 1, overdueCommitments: 1, overdueMeasures: 1 },
    CONCERN: { breaches: { S0: 1, S1: 1 }, atRiskCommitments: 1 },
  },
  labels: {
    COMPLIANT: 'No issue recorded',
    CONCERN: 'Concern recorded',
    NON_COMPLIANT: 'Non-compliance recorded',
    SERIOUS_NON_COMPLIANCE: 'Serious non-compliance recorded',
  },
};

const positiveOrAbsent = (value: number | undefined, field: string): void => {
  if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= 1000))
    throw invalid('RulebookThreshold', `${field} must be a whole number from 1 to 1000`);
};

/** A rulebook the compliance report can apply without surprises; the messages name the field. */
export const checkRulebook = (r: ComplianceRulebook): void => {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(r.version))
    throw invalid('RulebookVersion', 'rulebook.version must be 1–64 letters, digits, ".", "_" or "-"');
  if (!CONFIDENCES.includes(r.minimumConfidence))
    throw invalid('RulebookConfidence', `rulebook.minimumConfidence must be one of ${CONFIDENCES.join(', ')}`);
  if (!(r.accessDenialWeight >= 0 && r.accessDenialWeight <= 100))
    throw invalid('RulebookWeight', 'rulebook.accessDenialWeight must be from 0 to 100');
  if (!(Number.isInteger(r.atRiskDays) && r.atRiskDays >= 0 && r.atRiskDays <= 365))
    throw invalid('RulebookAtRisk', 'rulebook.atRiskDays must be a whole number from 0 to 365');
  positiveOrAbsent(r.cure.afterDaysWithoutRecurrence ?? undefined, 'rulebook.cure.afterDaysWithoutRecurrence');
  for (const level of ['SERIOUS_NON_COMPLIANCE', 'NON_COMPLIANT', 'CONCERN'] as const) {
    const rule = r.levels[level];
    if (!rule) throw invalid('RulebookLevels', `rulebook.levels.${level} is required`);
    for (const [severity, n] of Object.entries(rule.breaches ?? {})) {
      if (!SEVERITIES.includes(severity as Severity))
        throw invalid('RulebookSeverity', `rulebook.levels.${level}.breaches.${severity} is not a severity S0–S4`);
      positiveOrAbsent(n, `rulebook.levels.${level}.breaches.${severity}`);
    }
    for (const field of ['accessDenials', 'overdueCommitments', 'atRiskCommitments', 'overdueMeasures'] as const)
      positiveOrAbsent(rule[field], `rulebook.levels.${level}.${field}`);
  }
  for (const level of STATUS_LEVELS)
    if (typeof r.labels[level] !== 'string' || r.labels[level].length < 1 || r.labels[level].length > 80)
      throw invalid('RulebookLabels', `rulebook.labels.${level} must be a label of 1–80 characters`);
};

/** The rulebook in force at a moment of valid time: the latest adopted one effective by then, else the default. */
export const rulebookInForce = (
  adopted: { effectiveFrom: string; rulebook: ComplianceRulebook }[],
  at: string,
): ComplianceRulebook =>
  adopted.filter((r) => r.effectiveFrom <= at).reduce<ComplianceRulebook>((current, r) => r.rulebook, DEFAULT_RULEBOOK);
