import type { CommitmentEvent } from './commitment.events';

export type CommitmentState =
  | { status: 'NONE' }
  | {
      status: 'OPEN' | 'MET' | 'OVERDUE';
      commitmentId: string;
      agreementId: string;
      obligor: string;
      title: string;
      target: number;
      unit: string;
      dueAt: string;
      acceptedTotal: number;
      reports: { reportId: string; quantity: number; verdict: 'ACCEPTED' | 'REJECTED' | null }[];
    };

export const initialCommitmentState = (): CommitmentState => ({ status: 'NONE' });

export const evolveCommitment = (state: CommitmentState, event: CommitmentEvent): CommitmentState => {
  if (event.type === 'CommitmentDefined') {
    const { commitmentId, agreementId, obligor, title, target, unit, dueAt } = event.data;
    return {
      status: 'OPEN',
      commitmentId,
      agreementId,
      obligor,
      title,
      target,
      unit,
      dueAt,
      acceptedTotal: 0,
      reports: [],
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ProgressReported':
      return {
        ...state,
        reports: [...state.reports, { reportId: event.data.reportId, quantity: event.data.quantity, verdict: null }],
      };
    case 'ProgressVerified':
      return {
        ...state,
        acceptedTotal: state.acceptedTotal + event.data.acceptedQuantity,
        reports: state.reports.map((r) =>
          r.reportId === event.data.reportId ? { ...r, verdict: event.data.verdict } : r,
        ),
      };
    case 'CommitmentMet':
      return { ...state, status: 'MET' };
    case 'CommitmentDeadlineMissed':
      return { ...state, status: 'OVERDUE' };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};
