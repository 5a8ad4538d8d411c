/** Categories from the research list (ACLED / PLOVER / CTSAMVM / MRM anchors in research/domain.md §3). */
export const INCIDENT_CATEGORIES = [
  'KINETIC_DIRECT_FIRE',
  'KINETIC_INDIRECT_FIRE',
  'KINETIC_AIR_DRONE',
  'KINETIC_MINE_IED',
  'CROSS_BORDER_RAID',
  'FORCE_POSTURE',
  'INCURSION_AIRSPACE',
  'INCURSION_GROUND',
  'NSAG_FROM_TERRITORY',
  'CIVILIAN_HARM',
  'HUMANITARIAN_OBSTRUCTION',
  'MECHANISM_OBSTRUCTION',
  'CHILD_RECRUITMENT',
  'HOSTILE_PROPAGANDA',
  'PROCEDURAL',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const TIME_PRECISIONS = ['EXACT', 'HOUR', 'DAY', 'WEEK'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

export const TRIAGE_DECISIONS = ['ADMISSIBLE', 'INADMISSIBLE', 'DUPLICATE'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export const RESPONSE_KINDS = ['ACKNOWLEDGE', 'DENY', 'COUNTER_CLAIM'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const FINDING_OUTCOMES = [
  'VIOLATION_ATTRIBUTED',
  'VIOLATION_MULTI_PARTY',
  'VIOLATION_UNATTRIBUTED',
  'NO_VIOLATION',
  'INSUFFICIENT_EVIDENCE',
  'OUTSIDE_MANDATE',
] as const;
export type FindingOutcome = (typeof FINDING_OUTCOMES)[number];
export const isViolation = (outcome: FindingOutcome): boolean => outcome.startsWith('VIOLATION_');

export const SEVERITIES = ['S0', 'S1', 'S2', 'S3', 'S4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONFIDENCES = ['VERIFIED', 'CREDIBLE', 'UNVERIFIED'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const DISPUTE_GROUNDS = ['NEW_EVIDENCE', 'PROCEDURE', 'INTERPRETATION', 'ATTRIBUTION'] as const;
export type DisputeGrounds = (typeof DISPUTE_GROUNDS)[number];

export const RULINGS = ['UPHELD', 'AMENDED', 'VACATED', 'REMANDED'] as const;
export type Ruling = (typeof RULINGS)[number];

/** The consequence ladder (research/domain.md §3): recorded and routed, never enforced by the system. */
export const MEASURE_LEVELS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];

export const UNKNOWN_PARTY = 'UNKNOWN';
