import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@ceasefire/decider';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type AgreementContext, type IncidentCommand, incidentDecider } from '@ceasefire/mvm';
import { loadAgreementContext, requireSignatureIfAgreed } from '../agreements/agreement-context';
import { runDecider, type WriteResult } from '../shared/run-decider';
import type { WriteContext } from '../shared/write-context';

export const incidentStream = (incidentId: string) => `incident-${incidentId}`;

type Shared = 'actor' | 'now' | 'incidentId' | 'agreement';
export type IncidentCommandInput = IncidentCommand extends infer C
  ? C extends IncidentCommand
    ? Omit<C, Shared>
    : never
  : never;

/** Any command on one incident case. A report names its agreement; later commands find it in the case. */
export class WriteIncident extends Command<WriteResult> {
  constructor(
    readonly incidentId: string,
    readonly input: IncidentCommandInput,
    readonly context: WriteContext,
    readonly agreementId?: string,
  ) {
    super();
  }
}

@CommandHandler(WriteIncident)
export class WriteIncidentHandler implements ICommandHandler<WriteIncident> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ incidentId, input, context, agreementId }: WriteIncident): Promise<WriteResult> {
    return runDecider(
      this.store,
      incidentStream(incidentId),
      incidentDecider,
      async (state) => {
        const owner = state.status === 'NONE' ? agreementId : state.agreementId;
        if (!owner) throw notFound('IncidentNotFound', `no incident ${incidentId}`);
        const agreement: AgreementContext = await loadAgreementContext(this.store, owner);
        requireSignatureIfAgreed(agreement, context);
        return { ...input, actor: context.actor, now: context.now, incidentId, agreement } as IncidentCommand;
      },
      context,
    );
  }
}
