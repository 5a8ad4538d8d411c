import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type AgreementCommand, agreementDecider, type AgreementState } from '@ceasefire/mvm';
import { runDecider, type WriteResult } from '../shared/run-decider';
import type { WriteContext } from '../shared/write-context';

export const agreementStream = (agreementId: string) => `agreement-${agreementId}`;

/** Any command on one agreement's stream; the decider holds the rules. */
export class WriteAgreement extends Command<WriteResult> {
  constructor(
    readonly agreementId: string,
    readonly command: (state: AgreementState) => AgreementCommand,
    readonly context: WriteContext,
  ) {
    super();
  }
}

@CommandHandler(WriteAgreement)
export class WriteAgreementHandler implements ICommandHandler<WriteAgreement> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ agreementId, command, context }: WriteAgreement): Promise<WriteResult> {
    return runDecider(this.store, agreementStream(agreementId), agreementDecider, command, context);
  }
}
