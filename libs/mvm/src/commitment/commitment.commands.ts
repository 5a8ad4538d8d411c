import type { AgreementContext } from '../agreement/agreement-context';
import type { Actor } from '../shared/actor';

interface Base {
  actor: Actor;
  now: string;
  commitmentId: string;
  agreement: AgreementContext;
}

export type CommitmentCommand =
  | (Base & {
      type: 'DefineCommitment';
      obligor: string;
      title: string;
      indicator: string;
      target: number;
      unit: string;
      dueAt: string;
      evidenceRequired: string;
    })
  | (Base & { type: 'ReportProgress'; reportId: string; quantity: number; description: string; evidence: string[] })
  | (Base & {
      type: 'VerifyProgress';
      reportId: string;
      verdict: 'ACCEPTED' | 'REJECTED';
      acceptedQuantity: number;
      note: string;
    })
  | (Base & { type: 'MarkCommitmentDeadlineMissed' });
