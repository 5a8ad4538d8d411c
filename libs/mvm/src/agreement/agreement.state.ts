import type { AgreementEvent, MechanismTerms, Party, Provision } from './agreement.events';

export type AgreementState =
  | { status: 'NONE' }
  | {
      status: 'ACTIVE' | 'SUSPENDED';
      agreementId: string;
      title: string;
      parties: Party[];
      mediators: string[];
      provisions: Provision[];
      terms: MechanismTerms;
      effectiveAt: string;
      reaffirmations: { at: string; venue: string }[];
      meetings: { meetingId: string; scheduledFor: string; venue: string; heldAt?: string; decisions: string[] }[];
    };

export const initialAgreementState = (): AgreementState => ({ status: 'NONE' });

export const evolveAgreement = (state: AgreementState, event: AgreementEvent): AgreementState => {
  if (event.type === 'AgreementRegistered')
    return { status: 'ACTIVE', ...event.data, reaffirmations: [], meetings: [] };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'AgreementReaffirmed':
      return { ...state, reaffirmations: [...state.reaffirmations, { at: event.data.at, venue: event.data.venue }] };
    case 'AgreementSuspended':
      return { ...state, status: 'SUSPENDED' };
    case 'AgreementResumed':
      return { ...state, status: 'ACTIVE' };
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
