import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type CommitmentCommand, commitmentDecider, commitmentStream } from '@ceasefire/mvm';
import { agreementOfStream } from '../agreements/agreement-context';
import { AgreementDirectory } from '../agreements/agreement-directory';
import type { CommandInput } from '../shared/command-input';
import { runDecider, type WriteResult } from '../shared/run-decider';
import type { WriteContext } from '../shared/write-context';

export type CommitmentCommandInput = CommandInput<CommitmentCommand, 'actor' | 'now' | 'commitmentId' | 'agreement'>;

export class WriteCommitment extends Command<WriteResult> {
  constructor(
    readonly commitmentId: string,
    readonly input: CommitmentCommandInput,
    readonly context: WriteContext,
    readonly agreementId?: string,
  ) {
    super();
  }
}

@CommandHandler(WriteCommitment)
export class WriteCommitmentHandler implements ICommandHandler<WriteCommitment> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agreements: AgreementDirectory,
  ) {}

  execute({ commitmentId, input, context, agreementId }: WriteCommitment): Promise<WriteResult> {
    return runDecider(
      this.store,
      commitmentStream(commitmentId),
      commitmentDecider,
      async (state) => {
        const owner = state.status === 'NONE' ? agreementId : state.agreementId;
        const agreement = await agreementOfStream(
          this.agreements,
          owner,
          { rule: 'CommitmentNotFound', message: `no commitment ${commitmentId}` },
          context,
        );
        return { ...input, actor: context.actor, now: context.now, commitmentId, agreement } as CommitmentCommand;
      },
      context,
    );
  }
}
