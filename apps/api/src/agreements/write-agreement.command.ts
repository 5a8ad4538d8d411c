import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type AgreementCommand, agreementDecider } from '@ceasefire/mvm';
import type { CommandInput } from '../shared/command-input';
import { AgreementDirectory } from './agreement-directory';
import { agreementStream } from '@ceasefire/mvm';
import { runDecider, type WriteResult } from '../shared/run-decider';
import type { WriteContext } from '../shared/write-context';

export type AgreementCommandInput = CommandInput<AgreementCommand, 'actor' | 'now' | 'agreementId'>;

/** Any command on one agreement's stream; the decider holds the rules. */
export class WriteAgreement extends Command<WriteResult> {
  constructor(
    readonly agreementId: string,
    readonly input: AgreementCommandInput,
    readonly context: WriteContext,
  ) {
    super();
  }
}

@CommandHandler(WriteAgreement)
export class WriteAgreementHandler implements ICommandHandler<WriteAgreement> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agreements: AgreementDirectory,
  ) {}

  async execute({ agreementId, input, context }: WriteAgreement): Promise<WriteResult> {
    const command = { ...input, actor: context.actor, now: context.now, agreementId } as AgreementCommand;
    try {
      return await runDecider(this.store, agreementStream(agreementId), agreementDecider, () => command, context);
    } finally {
      // Before the answer goes out, so this process's next case write sees the change.
      this.agreements.changed(agreementId);
    }
  }
}

/** Controllers' one line per write: send the command, answer with revision, position and ETag. */
export const writeAgreement = async (
  commands: { execute(command: WriteAgreement): Promise<WriteResult> },
  agreementId: string,
  input: AgreementCommandInput,
  context: WriteContext,
) => commands.execute(new WriteAgreement(agreementId, input, context));
