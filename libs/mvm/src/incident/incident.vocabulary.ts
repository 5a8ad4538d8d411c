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

/** The severity scale (research/domain.md §3), shown to users in docs/vocabulary.md and the OpenAPI enums. */
export const SEVERITY_MEANINGS: Record<Severity, string> = {
  S0: 'procedural, no harm',
  S1: 'small arms, no casualties',
  S2: 'heavy weapons or aerial; injuries; deliberate access denial; or ground gained',
  S3: 'fatalities, civilian targeting, sexual violence, child recruitment',
  S4: 'offensive operation or mass casualties',
};

/** Most to least certain; a rulebook's minimumConfidence says which count. */
export const CONFIDENCES = ['VERIFIED', 'CREDIBLE', 'UNVERIFIED'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const CONFIDENCE_MEANINGS: Record<Confidence, string> = {
  VERIFIED: 'established by the monitors on site or from corroborated primary evidence',
  CREDIBLE: 'consistent, reliable information from more than one independent source, not verified on site',
  UNVERIFIED: 'reported and plausible, not yet corroborated',
};

export const DISPUTE_GROUNDS = ['NEW_EVIDENCE', 'PROCEDURE', 'INTERPRETATION', 'ATTRIBUTION'] as const;
export type DisputeGrounds = (typeof DISPUTE_GROUNDS)[number];

export const RULINGS = ['UPHELD', 'AMENDED', 'VACATED', 'REMANDED'] as const;
export type Ruling = (typeof RULINGS)[number];

/** The consequence ladder (research/domain.md §3): recorded and routed, never enforced by the system. */
export const MEASURE_LEVELS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];

export const MEASURE_MEANINGS: Record<MeasureLevel, string> = {
  L0: 'record only',
  L1: "confidential notice to the party, asking for its chain of command's response",
  L2: 'formal demand for corrective or disciplinary action, with a deadline',
  L3: 'public naming',
  L4: 'referral to guarantors or regional bodies, with recommended measures',
  L5: 'penalty or reciprocal suspension as the agreement defines it',
};

/** "S2: heavy weapons…; S3: …" — an enum's values with their meanings, for API descriptions. */
export const describeScale = <K extends string>(meanings: Record<K, string>): string =>
  Object.entries(meanings)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('; ');

export const UNKNOWN_PARTY = 'UNKNOWN';
