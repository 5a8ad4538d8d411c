import type { Actor } from '../shared/actor';
import type { ComplianceRulebook } from '../compliance/compliance.rulebook';
import type { MechanismTerms, Party, Provision } from './agreement.events';

interface Base {
  actor: Actor;
  now: string;
  agreementId: string;
}

export type AgreementCommand =
  | (Base & {
      type: 'RegisterAgreement';
      title: string;
      parties: Party[];
      mediators: string[];
      monitoringComponents?: string[];
      provisions: Provision[];
      terms: MechanismTerms;
      effectiveAt: string;
    })
  | (Base & { type: 'ReaffirmAgreement'; at: string; venue: string; statement: string })
  | (Base & { type: 'SuspendAgreement'; reason: string })
  | (Base & { type: 'ResumeAgreement'; reason: string })
  | (Base & { type: 'AdoptRulebook'; rulebook: ComplianceRulebook; effectiveFrom: string })
  | (Base & {
      type: 'PublishComplianceStatement';
      statementId: string;
      asOf: string;
      rulebookVersion: string;
      /** As the compliance report gave them at asOf (the API computes them). */
      statuses: { party: string; status: string; label: string }[];
      text: string;
    })
  | (Base & { type: 'ScheduleMeeting'; meetingId: string; scheduledFor: string; venue: string; agenda: string[] })
  | (Base & { type: 'RecordMeeting'; meetingId: string; heldAt: string; decisions: string[] });
