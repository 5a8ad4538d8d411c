import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type IncidentCommand, incidentDecider, incidentStream } from '@ceasefire/mvm';
import { agreementOfStream } from '../agreements/agreement-context';
import { AgreementDirectory } from '../agreements/agreement-directory';
import type { CommandInput } from '../shared/command-input';
import { runDecider, type WriteResult } from '../shared/run-decider';
import type { WriteContext } from '../shared/write-context';

export type IncidentCommandInput = CommandInput<IncidentCommand, 'actor' | 'now' | 'incidentId' | 'agreement'>;

/** Any command on one incident case. A report names its agreement; later commands find it in the case. */
export class WriteIncident extends Command<WriteResult> {
  constructor(
    readonly incidentId: string,
    readonly input: IncidentCommandInput,
    readonly context: WriteContext,
    readonly agreementId?: string,
    /** The incident id was just generated (a fresh UUIDv7), so its stream cannot exist yet. */
    readonly freshId = false,
  ) {
    super();
  }
}

@CommandHandler(WriteIncident)
export class WriteIncidentHandler implements ICommandHandler<WriteIncident> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agreements: AgreementDirectory,
  ) {}

  execute({ incidentId, input, context, agreementId, freshId }: WriteIncident): Promise<WriteResult> {
    return runDecider(
      this.store,
      incidentStream(incidentId),
      incidentDecider,
      async (state) => {
        const owner = state.status === 'NONE' ? agreementId : state.agreementId;
        const agreement = await agreementOfStream(
          this.agreements,
          owner,
          { rule: 'IncidentNotFound', message: `no incident ${incidentId}` },
          context,
        );
        return { ...input, actor: context.actor, now: context.now, incidentId, agreement } as IncidentCommand;
      },
      context,
      { freshStream: freshId },
    );
  }
}
