import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type CommitmentCommand, commitmentDecider, commitmentStream } from '@ceasefire/mvm';
import { agreementOfStream } from '../agreements/agreement-context';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { type CommandInput, completeCommand } from '../write-path/command-input';
import { LedgerSequencing } from '../ledger/ledger-sequencing';
import { handleCommand, type WriteResult } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';

type Filled = 'actor' | 'now' | 'commitmentId' | 'agreement';
export type CommitmentCommandInput = CommandInput<CommitmentCommand, Filled>;

/** Any command on one commitment. Defining it names its agreement; later commands find it in the stream. */
export class WriteCommitment extends Command<WriteResult> {
  constructor(
    readonly write: {
      commitmentId: string;
      input: CommitmentCommandInput;
      context: WriteContext;
      /** The agreement a new commitment is defined under. */
      agreementId?: string;
    },
  ) {
    super();
  }
}

@CommandHandler(WriteCommitment)
export class WriteCommitmentHandler implements ICommandHandler<WriteCommitment> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agreements: AgreementDirectory,
    private readonly ledger: LedgerSequencing,
  ) {}

  async execute({ write: { commitmentId, input, context, agreementId } }: WriteCommitment): Promise<WriteResult> {
    const result = await handleCommand(this.store, {
      stream: commitmentStream(commitmentId),
      decider: commitmentDecider,
      command: async (state) => {
        const owner = state.status === 'NONE' ? agreementId : state.agreementId;
        const agreement = await agreementOfStream(
          this.agreements,
          owner,
          { rule: 'CommitmentNotFound', message: `no commitment ${commitmentId}` },
          context,
        );
        return completeCommand<CommitmentCommand, Filled>(input, {
          actor: context.actor,
          now: context.now,
          commitmentId,
          agreement,
        });
      },
      context,
    });
    return this.ledger.sequenced(result, context);
  }
}
