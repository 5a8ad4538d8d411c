import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@ceasefire/event-store';
import {
  type Actor,
  type ClassificationLevel,
  type IncidentCase,
  type IncidentEvent,
  mayRead,
  mayReadCaseEvent,
} from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { caseRow } from '../incidents/incident-case.queries';

/**
 * Whether one reader may read one entry of the log, wherever entries leave the server whole (ledger
 * entries, exports). An entry it may not read is withheld: the reader gets its leaf hash and place, so the
 * signed root and every chain still check, and the reason.
 */
@Injectable()
export class EntryVisibility {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly agreements: AgreementDirectory,
  ) {}

  /** A judge for one request: remembers the cases and agreements it has looked up. */
  forReader(reader: Actor): (e: RecordedEvent) => Promise<string | null> {
    const parties = new Map<string, string[]>();
    const cases = new Map<string, { level: ClassificationLevel; agreementId: string } | null>();
    const partiesOf = async (agreementId: string) => {
      if (!parties.has(agreementId)) {
        const state = await this.agreements.state(agreementId);
        parties.set(agreementId, state.status === 'NONE' ? [] : state.parties.map((p) => p.code));
      }
      return parties.get(agreementId) as string[];
    };
    const caseOf = (incidentId: string) => {
      if (!cases.has(incidentId)) {
        const row = caseRow(this.runner, incidentId);
        const found = row ? (JSON.parse(row.state) as IncidentCase) : null;
        cases.set(incidentId, found && { level: found.level ?? 'PARTIES', agreementId: found.agreementId });
      }
      return cases.get(incidentId);
    };
    return async (e) => {
      const dash = e.stream.indexOf('-');
      const category = e.stream.slice(0, dash);
      const id = e.stream.slice(dash + 1);
      switch (category) {
        case 'incident': {
          const found = caseOf(id);
          if (!found) return mayRead(reader, 'MECHANISM', []) ? null : 'a case not yet in the read models';
          const event = { type: e.type } as Pick<IncidentEvent, 'type'>;
          return mayReadCaseEvent(reader, event, found.level, await partiesOf(found.agreementId))
            ? null
            : `case classified ${found.level}, or the mechanism's own record`;
        }
        case 'agreement':
        case 'commitment': {
          const agreementId = category === 'agreement' ? id : String(e.data.agreementId ?? '');
          return mayRead(reader, 'PARTIES', await partiesOf(agreementId)) ? null : 'an agreement of other parties';
        }
        case 'partykey':
        case 'partykeys':
          return null;
        default:
          return mayRead(reader, 'MECHANISM', []) ? null : "the mechanism's registry";
      }
    };
  }
}
