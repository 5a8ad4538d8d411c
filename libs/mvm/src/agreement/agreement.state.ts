import { type PendingVotes, recordVote } from '../shared/institutions';
import type { AgreementEvent, MechanismTerms, Party, Provision } from './agreement.events';

/** Votes back the same rulebook when it is the same text taking effect at the same time, key order aside. */
export const rulebookProposal = (r: { effectiveFrom: string; rulebook: unknown }): string =>
  JSON.stringify([r.effectiveFrom, r.rulebook], (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );

export type AgreementState =
  | { status: 'NONE' }
  | {
      status: 'ACTIVE' | 'SUSPENDED';
      agreementId: string;
      title: string;
      parties: Party[];
      mediators: string[];
      monitoringComponents?: string[];
      provisions: Provision[];
      terms: MechanismTerms;
      effectiveAt: string;
      reaffirmations: { at: string; venue: string }[];
      /** Each suspension, the last one open while the agreement is suspended. */
      suspensions: { from: string; to: string | null }[];
      /** Rulebooks adopted, in the order they take effect, and the votes on ones not yet adopted. */
      rulebooks: { version: string; effectiveFrom: string }[];
      rulebookVotes: PendingVotes;
      /** Published compliance statements, in order. */
      statements: Extract<AgreementEvent, { type: 'ComplianceStatementPublished' }>['data'][];
      meetings: { meetingId: string; scheduledFor: string; venue: string; heldAt?: string; decisions: string[] }[];
    };

export const initialAgreementState = (): AgreementState => ({ status: 'NONE' });

export const evolveAgreement = (state: AgreementState, event: AgreementEvent): AgreementState => {
  if (event.type === 'AgreementRegistered')
    return {
      status: 'ACTIVE',
      ...event.data,
      reaffirmations: [],
      suspensions: [],
      meetings: [],
      rulebooks: [],
      rulebookVotes: {},
      statements: [],
    };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'AgreementReaffirmed':
      return { ...state, reaffirmations: [...state.reaffirmations, { at: event.data.at, venue: event.data.venue }] };
    case 'AgreementSuspended':
      return { ...state, status: 'SUSPENDED', suspensions: [...state.suspensions, { from: event.data.at, to: null }] };
    case 'AgreementResumed':
      return {
        ...state,
        status: 'ACTIVE',
        suspensions: state.suspensions.map((s) => (s.to === null ? { ...s, to: event.data.at } : s)),
      };
    case 'RulebookAdoptionVoted':
      return {
        ...state,
        rulebookVotes: recordVote(
          state.rulebookVotes,
          event.data.version,
          () => rulebookProposal(event.data),
          event.data,
        ),
      };
    case 'RulebookAdopted': {
      const { version } = event.data.rulebook;
      const { [version]: _adopted, ...rulebookVotes } = state.rulebookVotes;
      const rulebooks = [...state.rulebooks, { version, effectiveFrom: event.data.effectiveFrom }];
      return { ...state, rulebooks, rulebookVotes };
    }
    case 'ComplianceStatementPublished':
      return { ...state, statements: [...state.statements, event.data] };
    case 'MeetingScheduled': {
      const { meetingId, scheduledFor, venue } = event.data;
      return { ...state, meetings: [...state.meetings, { meetingId, scheduledFor, venue, decisions: [] }] };
    }
    case 'MeetingHeld':
      return {
        ...state,
        meetings: state.meetings.map((m) =>
          m.meetingId === event.data.meetingId
            ? { ...m, heldAt: event.data.heldAt, decisions: event.data.decisions }
            : m,
        ),
      };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};
