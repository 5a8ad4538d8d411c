import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@ceasefire/decider';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type CommitmentCommand, commitmentDecider } from '@ceasefire/mvm';
import { loadAgreementContext, requireSignatureIfAgreed } from '../agreements/agreement-context';
import { runDecider, type WriteResult } from '../shared/run-decider';
import type { WriteContext } from '../shared/write-context';

export const commitmentStream = (commitmentId: string) => `commitment-${commitmentId}`;

type Shared = 'actor' | 'now' | 'commitmentId' | 'agreement';
export type CommitmentCommandInput = CommitmentCommand extends infer C
  ? C extends CommitmentCommand
    ? Omit<C, Shared>
    : never
  : never;

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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ commitmentId, input, context, agreementId }: WriteCommitment): Promise<WriteResult> {
    return runDecider(
      this.store,
      commitmentStream(commitmentId),
      commitmentDecider,
      async (state) => {
        const owner = state.status === 'NONE' ? agreementId : state.agreementId;
        if (!owner) throw notFound('CommitmentNotFound', `no commitment ${commitmentId}`);
        const agreement = await loadAgreementContext(this.store, owner);
        requireSignatureIfAgreed(agreement, context);
        return { ...input, actor: context.actor, now: context.now, commitmentId, agreement } as CommitmentCommand;
      },
      context,
    );
  }
}
