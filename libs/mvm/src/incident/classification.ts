/**
 * Who may read a case (or one part of it), least to most restricted:
 * - PUBLIC: anyone, also without a token, once published;
 * - PARTIES: the parties to the agreement and the mechanism (the default for a case);
 * - MECHANISM: monitors, mediators and auditors, not the parties;
 * - RESTRICTED: monitors and mediators only.
 */
export const CLASSIFICATION_LEVELS = ['PUBLIC', 'PARTIES', 'MECHANISM', 'RESTRICTED'] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

export const DEFAULT_CASE_LEVEL: ClassificationLevel = 'PARTIES';
