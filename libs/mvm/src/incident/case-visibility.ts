import type { Actor } from '../shared/actor';
import type { Sealed } from '../shared/sealed';
import type { ClassificationLevel } from './classification';
import type { IncidentEvent } from './incident.events';
import type { IncidentCase } from './incident.state';

/** The most restricted level a reader may see; null: none (an observer before publication sees only PUBLIC). */
const clearance = (reader: Actor): ClassificationLevel => {
  switch (reader.role) {
    case 'monitor':
    case 'mediator':
      return 'RESTRICTED';
    case 'auditor':
    case 'admin':
      return 'MECHANISM';
    case 'party':
      return 'PARTIES';
    default:
      return 'PUBLIC';
  }
};

const ORDER: ClassificationLevel[] = ['PUBLIC', 'PARTIES', 'MECHANISM', 'RESTRICTED'];
const atMost = (level: ClassificationLevel, limit: ClassificationLevel) => ORDER.indexOf(level) <= ORDER.indexOf(limit);

/** Whether a reader may see something at a level, in an agreement with these parties. */
export const mayRead = (reader: Actor, level: ClassificationLevel, agreementParties: string[]): boolean => {
  if (reader.role === 'party' && level !== 'PUBLIC' && !agreementParties.includes(reader.party ?? '')) return false;
  return atMost(level, clearance(reader));
};

export type InterviewView = Omit<IncidentCase['interviews'][number], 'witness'> & {
  /** Sealed for a reader cleared for RESTRICTED (the API opens it); withheld for anyone else. */
  witness: IncidentCase['interviews'][number]['witness'] | { withheld: true };
};

export type CaseView = Omit<IncidentCase, 'interviews' | 'reporter'> & {
  interviews: InterviewView[];
  reporter: Omit<IncidentCase['reporter'], 'contact'> & { contact?: Sealed | { withheld: true } };
};

/**
 * The case as one reader may see it, or null when the case's level is above the reader's. Interviews are
 * the mechanism's (MECHANISM), witnesses' identities RESTRICTED; parties see findings once adopted, or a
 * draft once it is shared with them (drafts are otherwise the mechanism's).
 */
export const caseViewFor = (reader: Actor, found: IncidentCase, agreementParties: string[]): CaseView | null => {
  if (!mayRead(reader, found.level, agreementParties)) return null;
  const mechanism = mayRead(reader, 'MECHANISM', agreementParties);
  const restricted = mayRead(reader, 'RESTRICTED', agreementParties);
  const { contact, ...reporter } = found.reporter;
  return {
    ...found,
    reporter: contact ? { ...reporter, contact: restricted ? contact : { withheld: true as const } } : reporter,
    findings: mechanism
      ? found.findings
      : found.findings.filter(
          (f) =>
            f.status === 'ADOPTED' ||
            f.status === 'VACATED' ||
            (reader.role === 'party' && f.shared === true && f.status !== 'WITHDRAWN'),
        ),
    interviews: mechanism
      ? found.interviews.map((i) => (restricted ? i : { ...i, witness: { withheld: true as const } }))
      : [],
  };
};

/** Events the mechanism keeps to itself whatever the case's level: its drafts, votes and interviews. */
const MECHANISM_EVENTS = new Set<IncidentEvent['type']>([
  'InterviewRecorded',
  'FindingDrafted',
  'FindingEndorsed',
  'FindingWithdrawn',
  'FindingAdoptionVoted',
  'DisputeRulingVoted',
  'MeasureVoted',
]);

/** Whether a reader may see one event of a case whose level (at that point) is `caseLevel`. */
export const mayReadCaseEvent = (
  reader: Actor,
  event: Pick<IncidentEvent, 'type'>,
  caseLevel: ClassificationLevel,
  agreementParties: string[],
): boolean =>
  mayRead(reader, caseLevel, agreementParties) &&
  (!MECHANISM_EVENTS.has(event.type) || mayRead(reader, 'MECHANISM', agreementParties));
