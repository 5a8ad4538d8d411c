import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type IncidentCommand, incidentDecider, incidentStream } from '@ceasefire/mvm';
import { agreementOfStream } from '../agreements/agreement-context';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { type CommandInput, completeCommand } from '../write-path/command-input';
import { LedgerSequencing } from '../ledger/ledger-sequencing';
import { foldedStreamsOf } from '../write-path/folded-streams';
import { handleCommand, type WriteResult } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';

type Filled = 'actor' | 'now' | 'incidentId' | 'agreement';
export type IncidentCommandInput = CommandInput<IncidentCommand, Filled>;

/** Any command on one incident case. A report names its agreement; later commands find it in the case. */
export class WriteIncident extends Command<WriteResult> {
  constructor(
    readonly write: {
      incidentId: string;
      input: IncidentCommandInput;
      context: WriteContext;
      /** The agreement a new case is reported under. */
      agreementId?: string;
      /** The incident id was just generated (a fresh UUIDv7), so its stream cannot exist yet. */
      freshStream?: boolean;
    },
  ) {
    super();
  }
}

@CommandHandler(WriteIncident)
export class WriteIncidentHandler implements ICommandHandler<WriteIncident> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agreements: AgreementDirectory,
    private readonly ledger: LedgerSequencing,
  ) {}

  async execute({
    write: { incidentId, input, context, agreementId, freshStream },
  }: WriteIncident): Promise<WriteResult> {
    const result = await handleCommand(this.store, {
      stream: incidentStream(incidentId),
      decider: incidentDecider,
      command: async (state) => {
        const owner = state.status === 'NONE' ? agreementId : state.agreementId;
        const agreement = await agreementOfStream(
          this.agreements,
          owner,
          { rule: 'IncidentNotFound', message: `no incident ${incidentId}` },
          context,
        );
        const command = completeCommand<IncidentCommand, Filled>(input, {
          actor: context.actor,
          now: context.now,
          incidentId,
          agreement,
        });
        if (command.type === 'TriageIncident' && command.duplicateOf)
          return { ...command, original: await this.caseOf(command.duplicateOf) };
        return command;
      },
      context,
      freshStream,
    });
    return this.ledger.sequenced(result, context);
  }

  /** The agreement of a case named by another (a duplicate's original), or null when no such case was reported. */
  private async caseOf(incidentId: string): Promise<{ agreementId: string } | null> {
    const { state } = await foldedStreamsOf(this.store).load(incidentStream(incidentId), incidentDecider);
    return state.status === 'NONE' ? null : { agreementId: state.agreementId };
  }
}
