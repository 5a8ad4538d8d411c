import type { AgreementContext } from '../agreement/agreement-context';
import type { Actor } from '../shared/actor';
import type { Sealed } from '../shared/sealed';
import type { ClassificationLevel } from './classification';
import type { Casualties, Conclusion, Location } from './incident.events';
import type {
  DisputeGrounds,
  IncidentCategory,
  MeasureLevel,
  ResponseKind,
  Ruling,
  TimePrecision,
  TriageDecision,
} from './incident.vocabulary';

interface Base {
  actor: Actor;
  now: string;
  incidentId: string;
  agreement: AgreementContext;
}

export type IncidentCommand =
  | (Base & {
      type: 'ReportIncident';
      source: string | null;
      /** Sealed by the API before the command is made; absent when the reporter gave none. */
      reporterContact?: Sealed;
      occurredAt: string;
      occurredAtPrecision: TimePrecision;
      location: Location;
      category: IncidentCategory;
      allegedPerpetrator: string;
      provisionsCited: string[];
      casualties: Casualties;
      description: string;
    })
  | (Base & {
      type: 'RegisterEvidence';
      evidenceId: string;
      sha256: string;
      mediaType: string;
      custodian: string;
      description: string;
    })
  | (Base & {
      type: 'TriageIncident';
      decision: TriageDecision;
      duplicateOf: string | null;
      reason: string;
      /** The case duplicateOf names, as the log has it (the handler reads it); null when there is none. */
      original?: { agreementId: string } | null;
    })
  | (Base & { type: 'RespondToAllegation'; response: ResponseKind; statement: string })
  | (Base & { type: 'ClassifyCase'; level: ClassificationLevel; reason: string })
  | (Base & {
      type: 'RecordInterview';
      interviewId: string;
      witness: Sealed;
      source: { ref: string; digest: string } | null;
      summary: string;
    })
  | (Base & { type: 'OpenInvestigation' })
  | (Base & {
      type: 'RecordAccessDenial';
      denialId: string;
      deniedBy: string;
      at: string;
      place: string;
      description: string;
    })
  | (Base & Conclusion & { type: 'DraftFinding'; findingId: string; rationale: string })
  | (Base & { type: 'EndorseFinding'; findingId: string })
  | (Base & { type: 'AdoptFinding'; findingId: string })
  | (Base & { type: 'RecordDissent'; findingId: string; text: string })
  | (Base & { type: 'FileDispute'; disputeId: string; findingId: string; grounds: DisputeGrounds; statement: string })
  | (Base & {
      type: 'RuleOnDispute';
      disputeId: string;
      ruling: Ruling;
      rationale: string;
      amendment: Conclusion | null;
    })
  | (Base & {
      type: 'RecordMeasure';
      measureId: string;
      party: string;
      level: MeasureLevel;
      description: string;
      dueAt: string | null;
      /** The breach it answers; when absent, the case's latest adopted violation attributed to the party. */
      findingId?: string;
    })
  | (Base & { type: 'RecordMeasureFulfilment'; measureId: string; note: string })
  | (Base & { type: 'LiftMeasure'; measureId: string; reason: string })
  | (Base & { type: 'WithdrawFinding'; findingId: string; reason: string })
  | (Base & { type: 'ShareFinding'; findingId: string })
  | (Base & { type: 'PublishFinding'; findingId: string })
  | (Base & { type: 'CloseCase'; reason: string })
  | (Base & { type: 'MarkResponseDeadlineMissed' })
  | (Base & { type: 'MarkVerificationDeadlineMissed' });

export type IncidentCommandType = IncidentCommand['type'];
